package org.tessera.crm.core.impl.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.RecordExport;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.api.org.OrgUnitDTO;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyQuery;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.impl.testing.CoreServices;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.testkit.TestDatabase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rows of a party export, read with cursors beside the entities the list reads: each exported
 * party is, as JSON, the party the list gives the same caller (children, their order, custom values
 * and masking alike), for parties without children, with many of each kind, and with children
 * whose ids interleave with those of other parties.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractPartyExportRowsDatabaseTest {
    private static final int MANY = 7;

    private final ObjectMapper mapper = ObjectMappers.create();
    private final String word = "Row" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final String tag = word.substring(3, 7);
    private final String noteKey = "note" + tag;
    private final String sizeKey = "size" + tag;
    private final String sinceKey = "since" + tag;
    private final String flagKey = "flag" + tag;
    private final String riskKey = "risk" + tag;
    private TestDatabase database;
    private CoreServices core;
    private String agencyA;
    private String agencyB;
    private PartyDTO bare;
    private PartyDTO rich;
    private PartyDTO first;
    private PartyDTO second;
    private PartyDTO inB;

    protected abstract TestDatabase startDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        core = new CoreServices(database);
        agencyA = unit("RA", "Agency A");
        agencyB = unit("RB", "Agency B");
        define(noteKey, CustomFieldType.STRING, false);
        define(sizeKey, CustomFieldType.NUMBER, false);
        define(sinceKey, CustomFieldType.DATE, false);
        define(flagKey, CustomFieldType.BOOLEAN, false);
        define(riskKey, CustomFieldType.STRING, true);

        PartyDTO before = person("Before", agencyA);
        before.contactMechanisms.add(email("before@example.com", true));
        core.parties.create(before);
        bare = core.parties.create(person("Bare", agencyA));
        rich = core.parties.create(richOrganization());
        // children created in turns: the ids of one party's children interleave with the other's
        PartyDTO firstDraft = person("First", agencyA);
        firstDraft.birthDate = LocalDate.of(1975, 5, 6);
        firstDraft.customFields.put(riskKey, "deep");
        first = core.parties.create(withChildren(firstDraft, "first0", "SUPPLIER"));
        second = core.parties.create(withChildren(person("Second", agencyA), "second0", "PARTNER"));
        first = core.parties.update(first.id, first.version, withChildren(first, "first1", "PROSPECT"));
        second = core.parties.update(second.id, second.version, withChildren(second, "second1", "CUSTOMER"));
        inB = core.parties.create(withChildren(person("Elsewhere", agencyB), "elsewhere", "CUSTOMER"));
    }

    @AfterAll
    void stop() throws Exception {
        if (core != null) {
            core.close();
        }
        database.close();
    }

    @Test
    void eachExportedPartyIsTheListsPartyForAnAdministrator() throws IOException {
        assertSameAsTheList(byWord());
        List<PartyDTO> exported = collect(core.parties.export(byWord()));
        assertEquals(6, exported.size());
        assertEquals(LocalDate.of(1975, 5, 6), find(exported, first.id).birthDate);
        assertEquals("deep", find(exported, first.id).customFields.get(riskKey));
        assertEquals("deep", find(exported, rich.id).customFields.get(riskKey));
    }

    @Test
    void theWholeTableWithoutCriteriaGivesTheSameParties() throws IOException {
        Set<String> ours = new HashSet<>();
        collect(core.parties.export(byWord())).forEach(p -> ours.add(p.id));
        List<PartyDTO> whole = collect(core.parties.export(new PartyQuery()));
        List<Long> ids = whole.stream().map(p -> Long.valueOf(p.id)).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
        PartyQuery listed = byWord();
        listed.limit = 200;
        assertEquals(json(core.parties.search(listed).items), json(whole.stream().filter(p -> ours.contains(p.id)).toList()));
    }

    @Test
    void aPartyWithoutChildrenBetweenPartiesWithChildrenGetsNone() throws IOException {
        PartyDTO exported = find(collect(core.parties.export(byWord())), bare.id);
        assertTrue(exported.classifications.isEmpty());
        assertTrue(exported.externalIds.isEmpty());
        assertTrue(exported.contactMechanisms.isEmpty());
        assertTrue(exported.customFields.isEmpty());
    }

    @Test
    void manyChildrenOfEachKindComeWholeAndInTheListsOrder() throws IOException {
        PartyDTO exported = find(collect(core.parties.export(byWord())), rich.id);
        assertEquals(List.of("COMPETITOR", "CUSTOMER", "EMPLOYEE", "PARTNER", "PROSPECT", "SUPPLIER"),
                new ArrayList<>(exported.classifications));
        assertEquals(MANY, exported.externalIds.size());
        assertEquals(MANY + 1, exported.contactMechanisms.size());
        List<Long> mechanismIds = exported.contactMechanisms.stream().map(m -> Long.valueOf(m.id)).toList();
        assertEquals(mechanismIds.stream().sorted().toList(), mechanismIds);
        ContactMechanismDTO postal = exported.contactMechanisms.get(MANY);
        assertEquals("FR", postal.country);
        assertEquals(LocalDate.of(2020, 1, 1), postal.validFrom);
        assertEquals(Set.of(noteKey, sizeKey, sinceKey, flagKey, riskKey), exported.customFields.keySet());
        assertEquals(json(core.parties.get(rich.id)), json(exported));
    }

    @Test
    void childrenWhoseIdsInterleaveGoToTheirOwnParty() throws IOException {
        List<PartyDTO> exported = collect(core.parties.export(byWord()));
        PartyDTO one = find(exported, first.id);
        PartyDTO two = find(exported, second.id);
        assertEquals(List.of("first0@example.com", "first1@example.com"), values(one));
        assertEquals(List.of("second0@example.com", "second1@example.com"), values(two));
        assertEquals(Set.of("PROSPECT", "SUPPLIER"), one.classifications);
        assertEquals(Set.of("CUSTOMER", "PARTNER"), two.classifications);
        assertEquals(Set.of("crm-first0", "crm-first1"), one.externalIds.keySet());
        assertEquals("second1", two.customFields.get(noteKey));
        assertTrue(Long.valueOf(one.contactMechanisms.get(1).id) > Long.valueOf(two.contactMechanisms.get(0).id),
                "the setup interleaves the mechanisms' ids");
    }

    @Test
    void anAgentGetsTheirPerimeterMaskedAsTheirListShowsIt() throws IOException {
        Caller agent = new Caller("agent-rows", Set.of("agent"),
                Set.of(CorePermissions.PARTY_READ, CorePermissions.PARTY_EXPORT), agencyA);
        List<PartyDTO> exported = collect(as(agent, () -> core.parties.export(byWord())));
        assertFalse(exported.stream().anyMatch(p -> p.id.equals(inB.id)), "outside the agent's perimeter");
        assertEquals(5, exported.size());
        PartyDTO masked = find(exported, first.id);
        assertNull(masked.birthDate);
        assertFalse(masked.customFields.containsKey(riskKey));
        assertEquals("first1", masked.customFields.get(noteKey), "what is not sensitive stays");
        assertFalse(find(exported, rich.id).customFields.containsKey(riskKey));
        as(agent, () -> {
            assertSameAsTheList(byWord());
            return null;
        });
    }

    @Test
    void aCriterionOnChildrenSelectsPartiesNotTheirChildren() throws IOException {
        PartyQuery suppliers = byWord();
        suppliers.classification = "SUPPLIER";
        List<PartyDTO> exported = collect(core.parties.export(suppliers));
        assertEquals(List.of(rich.id, first.id), exported.stream().map(p -> p.id).toList());
        assertEquals(6, find(exported, rich.id).classifications.size(),
                "every classification, not only the one filtered on");
        assertSameAsTheList(suppliers);
        PartyQuery noted = byWord();
        noted.customFields.put(noteKey, "second1");
        assertEquals(List.of(second.id), collect(core.parties.export(noted)).stream().map(p -> p.id).toList());
        assertEquals(MANY, find(collect(core.parties.export(byWord())), rich.id).externalIds.size());
    }

    /** The export of {@code query} is, party by party as JSON, what the list of the current caller gives. */
    private void assertSameAsTheList(PartyQuery query) {
        try {
            List<PartyDTO> exported = collect(core.parties.export(query));
            query.limit = 200;
            List<PartyDTO> listed = core.parties.search(query).items;
            assertEquals(json(listed), json(exported));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static List<PartyDTO> collect(RecordExport<PartyDTO> export) throws IOException {
        List<PartyDTO> parties = new ArrayList<>();
        assertEquals(export.forEach(parties::add), parties.size());
        return parties;
    }

    private static PartyDTO find(List<PartyDTO> parties, String id) {
        return parties.stream().filter(p -> p.id.equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no party " + id));
    }

    private static List<String> values(PartyDTO party) {
        return party.contactMechanisms.stream().map(m -> m.value).toList();
    }

    private <T> T as(Caller caller, Supplier<T> work) {
        core.callers.bind(caller);
        try {
            return work.get();
        } finally {
            core.callers.unbind();
        }
    }

    private PartyQuery byWord() {
        PartyQuery query = new PartyQuery();
        query.q = word;
        return query;
    }

    private String unit(String code, String name) {
        OrgUnitDTO unit = new OrgUnitDTO();
        unit.code = code + tag;
        unit.name = name;
        unit.parentId = "1";
        return core.org.createOrgUnit(unit).id;
    }

    private void define(String key, CustomFieldType type, boolean sensitive) {
        CustomFieldDefinitionDTO field = new CustomFieldDefinitionDTO();
        field.entityType = "PARTY";
        field.key = key;
        field.type = type;
        field.sensitive = sensitive;
        core.customFields.define(field);
    }

    private PartyDTO person(String first, String orgUnitId) {
        PartyDTO p = new PartyDTO();
        p.type = PartyType.PERSON;
        p.firstName = first;
        p.lastName = word;
        p.orgUnitId = orgUnitId;
        return p;
    }

    private PartyDTO richOrganization() {
        PartyDTO p = new PartyDTO();
        p.type = PartyType.ORGANIZATION;
        p.legalName = "Rich " + word;
        p.registrationNumber = "RCS " + tag;
        p.industry = "Retail";
        p.orgUnitId = agencyA;
        // unordered on purpose: the export sorts as the list does
        p.classifications.addAll(List.of("SUPPLIER", "CUSTOMER", "PROSPECT", "EMPLOYEE", "COMPETITOR", "PARTNER"));
        for (int i = MANY - 1; i >= 0; i--) {
            p.externalIds.put("src" + i, "R-" + i);
            p.contactMechanisms.add(email("rich" + i + "@example.com", i == 3));
        }
        ContactMechanismDTO postal = new ContactMechanismDTO();
        postal.type = ContactMechanismType.POSTAL;
        postal.line1 = "1 rue de la Paix";
        postal.line2 = "Bâtiment B";
        postal.postalCode = "75002";
        postal.city = "Paris";
        postal.region = "Île-de-France";
        postal.country = "FR";
        postal.purpose = "WORK";
        postal.optOut = true;
        postal.validFrom = LocalDate.of(2020, 1, 1);
        postal.validThru = LocalDate.of(2030, 12, 31);
        p.contactMechanisms.add(postal);
        p.customFields.put(noteKey, "memo");
        p.customFields.put(sizeKey, 250);
        p.customFields.put(sinceKey, "2019-03-04");
        p.customFields.put(flagKey, true);
        p.customFields.put(riskKey, "deep");
        return p;
    }

    /** {@code party} with one more email, external id and classification, and its note set to {@code name}. */
    private PartyDTO withChildren(PartyDTO party, String name, String classification) {
        party.contactMechanisms = new ArrayList<>(party.contactMechanisms);
        party.contactMechanisms.add(email(name + "@example.com", false));
        party.externalIds.put("crm-" + name, name.toUpperCase());
        party.classifications = new HashSet<>(party.classifications);
        party.classifications.add(classification);
        party.customFields.put(noteKey, name);
        return party;
    }

    private static ContactMechanismDTO email(String address, boolean primary) {
        ContactMechanismDTO m = new ContactMechanismDTO();
        m.type = ContactMechanismType.EMAIL;
        m.value = address;
        m.primary = primary;
        return m;
    }
}
