package org.tessera.crm.core.impl.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.org.OrgUnitDTO;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.sync.FieldMetaDTO;
import org.tessera.crm.core.api.sync.PartySyncDTO;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.imports.PartyImporter;
import org.tessera.crm.core.impl.testing.CoreServices;
import org.tessera.crm.core.testkit.TestDatabase;

/**
 * Field dates on every supported database: written in the transaction of each create, update,
 * sync and import, only for the fields that changed; a sync merging two systems' changes of
 * different fields; the reference application; no-op writes; the meta view's scope and masking.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractFieldSyncDatabaseTest {
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    private TestDatabase database;
    private CoreServices core;
    private final ThreadLocalWriteSource sources = new ThreadLocalWriteSource();
    private final SyncPolicy policy = new SyncPolicy();
    private PartyImporter importer;
    private final String word = "Fs" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final String secretKey = "secret" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    private String unitA;
    private String unitB;

    protected abstract TestDatabase startDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        core = new CoreServices(database);
        core.parties.setWriteSource(sources);
        core.parties.setSyncPolicy(policy);
        policy.configure(Map.of("reference.address", "backoffice"));
        importer = new PartyImporter(core.tx, core.validation, core.events, core.callers, core.scope, new AuditTrail(core.callers));
        importer.setWriteSource(sources);
        CustomFieldDefinitionDTO secret = new CustomFieldDefinitionDTO();
        secret.entityType = "PARTY";
        secret.key = secretKey;
        secret.type = CustomFieldType.STRING;
        secret.sensitive = true;
        core.customFields.define(secret);
        unitA = unit("FSA");
        unitB = unit("FSB");
    }

    @AfterAll
    void stop() throws Exception {
        core.close();
        database.close();
    }

    @Test
    void aCreateDatesEveryFieldItSetsWithItsSource() {
        PartyDTO created = from("crm", () -> core.parties.create(person("Ada")));
        Map<String, FieldMetaDTO> meta = meta(created.id);
        assertEquals(Set.of("type", "firstName", "lastName", "status", "orgUnitId", "email[WORK]", "postal[SHIPPING]",
                "birthDate", "custom." + secretKey), meta.keySet().stream().filter(k -> !k.equals("ownerId")).collect(Collectors.toSet()));
        assertTrue(meta.values().stream().allMatch(m -> m.source.equals("crm") && m.modifiedAt.equals(created.createdAt)));
        assertEquals(0, rows(created.id), "a creation is dated by the party's row, not by a row per field");
    }

    @Test
    void anUpdateDatesOnlyTheFieldsItChanges() {
        PartyDTO created = from("crm", () -> core.parties.create(person("Ada")));
        PartyDTO desired = core.parties.get(created.id);
        desired.jobTitle = "Analyst";
        PartyDTO updated = from("backoffice", () -> core.parties.update(created.id, created.version, desired));
        Map<String, FieldMetaDTO> meta = meta(created.id);
        assertEquals("backoffice", meta.get("jobTitle").source);
        assertEquals(updated.updatedAt, meta.get("jobTitle").modifiedAt);
        assertEquals("crm", meta.get("firstName").source);
    }

    @Test
    void anUpdateThatChangesNothingWritesNothing() {
        PartyDTO created = core.parties.create(person("Ada"));
        Map<String, FieldMetaDTO> before = meta(created.id);
        int events = core.events.posted.size();
        PartyDTO same = core.parties.get(created.id);
        same.contactMechanisms.forEach(m -> m.id = null); // sent back without ids: still the same state
        PartyDTO after = from("backoffice", () -> core.parties.update(created.id, created.version, same));
        assertEquals(created.version, after.version);
        assertEquals(created.updatedAt, core.parties.get(created.id).updatedAt);
        assertEquals(events, core.events.posted.size(), "no event for a write that changes nothing");
        assertEquals(dates(before), dates(meta(created.id)));
    }

    @Test
    void twoSourcesChangingDifferentFieldsBothSurvive() {
        PartyDTO created = from("crm", () -> core.parties.create(person("Ada")));
        // both changed in their systems after the party was created here (within the clock skew allowed)
        Instant mailTime = created.createdAt.plusSeconds(1);
        Instant officeTime = created.createdAt.plusSeconds(2);
        // the mail client changed the work address; its copy of the delivery address is the old one
        PartyDTO mailCopy = person("Ada");
        mailCopy.contactMechanisms.get(0).value = "ada@mail.example.org";
        from("mailclient", () -> core.parties.sync(created.id, sync(mailCopy, Map.of("email[WORK]", mailTime))));
        // the back office changed the delivery address; its copy of the email is the old one
        PartyDTO officeCopy = person("Ada");
        officeCopy.contactMechanisms.get(1).city = "Lyon";
        PartyDTO merged = from("backoffice", () -> core.parties.sync(created.id, sync(officeCopy, Map.of("postal[SHIPPING]", officeTime))));
        assertEquals("ada@mail.example.org", mechanism(merged, ContactMechanismType.EMAIL).value);
        assertEquals("Lyon", mechanism(merged, ContactMechanismType.POSTAL).city);
        Map<String, FieldMetaDTO> meta = meta(created.id);
        assertEquals("mailclient", meta.get("email[WORK]").source);
        assertEquals(mailTime, meta.get("email[WORK]").modifiedAt);
        assertEquals("backoffice", meta.get("postal[SHIPPING]").source);
        assertEquals(officeTime, meta.get("postal[SHIPPING]").modifiedAt);
        assertEquals(created.version + 2, merged.version);
    }

    @Test
    void anOlderChangeLosesAndTakesNothing() {
        PartyDTO created = from("crm", () -> core.parties.create(person("Ada")));
        int events = core.events.posted.size();
        PartyDTO stale = person("Augusta");
        PartyDTO after = from("mailclient", () -> core.parties.sync(created.id, sync(stale, Map.of("firstName", LONG_AGO))));
        assertEquals("Ada", after.firstName);
        assertEquals(created.version, after.version);
        assertEquals(events, core.events.posted.size());
        assertEquals("crm", meta(created.id).get("firstName").source);
    }

    @Test
    void theReferenceApplicationKeepsItsValueAgainstANewerChange() {
        PartyDTO created = from("crm", () -> core.parties.create(person("Ada")));
        PartyDTO office = person("Ada");
        office.contactMechanisms.get(1).city = "Lyon";
        from("backoffice", () -> core.parties.sync(created.id, sync(office, Map.of("postal[SHIPPING]", LONG_AGO))));
        assertEquals("Lyon", mechanism(core.parties.get(created.id), ContactMechanismType.POSTAL).city,
                "the reference's change wins although older");
        PartyDTO mail = person("Ada");
        mail.contactMechanisms.get(1).city = "Nantes";
        from("mailclient", () -> core.parties.sync(created.id, sync(mail, Map.of("postal[SHIPPING]", Instant.now()))));
        assertEquals("Lyon", mechanism(core.parties.get(created.id), ContactMechanismType.POSTAL).city);
        assertEquals("backoffice", meta(created.id).get("postal[SHIPPING]").source);
    }

    @Test
    void aSyncRefusesAnUnknownFieldBeforeWriting() {
        PartyDTO created = core.parties.create(person("Ada"));
        ValidationException refused = assertThrows(ValidationException.class,
                () -> core.parties.sync(created.id, sync(person("X"), Map.of("custom.nosuch", Instant.now()))));
        assertEquals("fieldModifiedAt.custom.nosuch", refused.errors().get(0).field);
        assertEquals(created.version, core.parties.get(created.id).version);
    }

    @Test
    void anImportDatesWhatItWritesAndAReimportNothing() {
        String key = word + "-imp";
        PartyDTO row = person("Ada");
        row.externalIds.put("erp", key);
        ImportReport first = from("erp", () -> importer.importParties(List.of(ImportRow.of(1, row)).iterator()));
        assertEquals(1, first.created);
        String id = core.parties.search(byWord()).items.stream().filter(p -> key.equals(p.externalIds.get("erp"))).findFirst().orElseThrow().id;
        Map<String, FieldMetaDTO> created = meta(id);
        assertEquals("erp", created.get("firstName").source);
        assertEquals("erp", created.get("externalIds[erp]").source);
        int events = core.events.posted.size();
        PartyDTO same = person("Ada");
        same.externalIds.put("erp", key);
        ImportReport again = from("erp2", () -> importer.importParties(List.of(ImportRow.of(1, same)).iterator()));
        assertEquals(1, again.unchanged);
        assertEquals(events, core.events.posted.size());
        assertEquals(dates(created), dates(meta(id)));
        PartyDTO changed = person("Ada");
        changed.externalIds.put("erp", key);
        changed.lastName = word + "x";
        ImportReport third = from("erp2", () -> importer.importParties(List.of(ImportRow.of(1, changed)).iterator()));
        assertEquals(1, third.updated);
        Map<String, FieldMetaDTO> after = meta(id);
        assertEquals("erp2", after.get("lastName").source);
        assertEquals("erp", after.get("firstName").source);
        assertNotEquals(created.get("lastName").modifiedAt, null);
    }

    @Test
    void theMetaViewIsScopedAndMasksTheSensitiveFields() {
        PartyDTO created = core.parties.create(person("Ada"));
        Caller agentA = new Caller("agent-a", Set.of("agent"), Set.of(CorePermissions.PARTY_READ), unitA);
        Set<String> seen = as(agentA, () -> core.parties.fieldMeta(created.id)).stream().map(m -> m.field).collect(Collectors.toSet());
        assertTrue(seen.contains("firstName"));
        assertFalse(seen.contains("birthDate"));
        assertFalse(seen.contains("custom." + secretKey));
        Caller sensitiveA = new Caller("agent-s", Set.of("agent"), Set.of(CorePermissions.PARTY_READ, CorePermissions.PARTY_SENSITIVE), unitA);
        assertTrue(as(sensitiveA, () -> core.parties.fieldMeta(created.id)).stream().anyMatch(m -> m.field.equals("birthDate")));
        Caller agentB = new Caller("agent-b", Set.of("agent"), Set.of(CorePermissions.PARTY_READ), unitB);
        assertThrows(NotFoundException.class, () -> as(agentB, () -> core.parties.fieldMeta(created.id)));
    }

    @Test
    void aDeletedPartyTakesItsFieldDatesWithIt() {
        PartyDTO created = core.parties.create(person("Ada"));
        PartyDTO desired = core.parties.get(created.id);
        desired.jobTitle = "Analyst";
        core.parties.update(created.id, null, desired);
        assertEquals(1, rows(created.id));
        core.parties.delete(created.id, null);
        assertThrows(NotFoundException.class, () -> core.parties.fieldMeta(created.id));
        assertEquals(0, rows(created.id));
        assertTrue(core.events.posted.stream().anyMatch(p -> p.topic().equals(CoreEvents.PARTY_DELETED)));
    }

    private int rows(String partyId) {
        return core.tx.required(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM party_field_meta WHERE party_id = "
                + Long.parseLong(partyId)).getSingleResult()).intValue());
    }

    private PartySyncDTO sync(PartyDTO party, Map<String, Instant> times) {
        PartySyncDTO request = new PartySyncDTO();
        request.party = party;
        request.fieldModifiedAt = times;
        return request;
    }

    private Map<String, FieldMetaDTO> meta(String id) {
        return core.parties.fieldMeta(id).stream().collect(Collectors.toMap(m -> m.field, m -> m));
    }

    private static Map<String, String> dates(Map<String, FieldMetaDTO> meta) {
        return meta.values().stream().collect(Collectors.toMap(m -> m.field, m -> m.modifiedAt + " " + m.source));
    }

    private <T> T from(String source, Supplier<T> work) {
        sources.bind(source);
        try {
            return work.get();
        } finally {
            sources.unbind();
        }
    }

    private <T> T as(Caller caller, Supplier<T> work) {
        core.callers.bind(caller);
        try {
            return work.get();
        } finally {
            core.callers.unbind();
        }
    }

    private org.tessera.crm.core.api.party.PartyQuery byWord() {
        org.tessera.crm.core.api.party.PartyQuery query = new org.tessera.crm.core.api.party.PartyQuery();
        query.q = word;
        query.limit = 200;
        return query;
    }

    private String unit(String code) {
        OrgUnitDTO unit = new OrgUnitDTO();
        unit.code = code + word.substring(2, 6);
        unit.name = code;
        unit.parentId = "1";
        return core.org.createOrgUnit(unit).id;
    }

    private PartyDTO person(String first) {
        PartyDTO p = new PartyDTO();
        p.type = PartyType.PERSON;
        p.firstName = first;
        p.lastName = word;
        p.orgUnitId = unitA;
        p.birthDate = LocalDate.of(1815, 12, 10);
        p.customFields.put(secretKey, "x");
        ContactMechanismDTO email = new ContactMechanismDTO();
        email.type = ContactMechanismType.EMAIL;
        email.purpose = "WORK";
        email.value = "ada@example.org";
        ContactMechanismDTO postal = new ContactMechanismDTO();
        postal.type = ContactMechanismType.POSTAL;
        postal.purpose = "SHIPPING";
        postal.line1 = "1 rue de la Paix";
        postal.postalCode = "75002";
        postal.city = "Paris";
        postal.country = "FR";
        p.contactMechanisms.add(email);
        p.contactMechanisms.add(postal);
        return p;
    }

    private static ContactMechanismDTO mechanism(PartyDTO party, ContactMechanismType type) {
        return party.contactMechanisms.stream().filter(m -> m.type == type).findFirst().orElseThrow();
    }
}
