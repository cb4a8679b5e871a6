package org.tessera.crm.core.impl.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityStatus;
import org.tessera.crm.core.api.org.OrgUnitDTO;
import org.tessera.crm.core.api.overview.OverviewSectionDTO;
import org.tessera.crm.core.api.overview.PartyOverviewDTO;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyRelationshipDTO;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.search.SearchGroupDTO;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.spi.ContributionStatus;
import org.tessera.crm.core.impl.contribution.ContributionExecutor;
import org.tessera.crm.core.impl.search.PartySearchContributor;
import org.tessera.crm.core.impl.search.SearchServiceImpl;
import org.tessera.crm.core.impl.testing.CoreServices;
import org.tessera.crm.core.testkit.TestDatabase;

/**
 * The overview's core sections and the search's party group against every supported database,
 * through the real services, as a restricted agent: two sibling agencies, the agent in one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractOverviewDatabaseTest {
    private static final AtomicLong COUNTER = new AtomicLong();
    private TestDatabase database;
    private CoreServices core;
    private ContributionExecutor executor;
    private OverviewServiceImpl overview;
    private SearchServiceImpl search;
    private String agencyA;
    private String agencyB;

    protected abstract TestDatabase startDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        core = new CoreServices(database);
        executor = new ContributionExecutor(core.callers, Configs.threads(4));
        overview = new OverviewServiceImpl(core.parties, core.org, core.callers, executor, Configs.overviewBudget(10_000));
        overview.addContributor(new LastInteractionSection(core.tx), 100, () -> false);
        overview.addContributor(new RelationshipsSection(core.parties), 300, () -> false);
        overview.addContributor(new ContactMechanismsSection(core.parties), 400, () -> false);
        overview.addContributor(new NextActivitySection(core.tx), 200, () -> false);
        search = new SearchServiceImpl(core.callers, executor, Configs.searchBudget(10_000));
        search.addContributor(new PartySearchContributor(core.parties), 0, () -> false);
        String region = unit("REGION", core.org.findOrgUnitByCode("HQ").orElseThrow().id);
        agencyA = unit("AGENCY-A", region);
        agencyB = unit("AGENCY-B", region);
    }

    @AfterAll
    void stop() throws Exception {
        if (executor != null) {
            executor.deactivate();
        }
        if (core != null) {
            core.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @AfterEach
    void unbind() {
        core.callers.unbind();
    }

    @Test
    void theCoreSectionsShowContactsCurrentVisibleRelationshipsNextPlannedAndLastDoneActivity() {
        String word = "Dés" + COUNTER.incrementAndGet();
        PartyDTO anne = person("Anne", word, agencyA);
        anne.contactMechanisms.add(mechanism(ContactMechanismType.EMAIL, "anne@example.com", true, false));
        anne.contactMechanisms.add(mechanism(ContactMechanismType.PHONE, "+33 4 78 12 34 56", false, true));
        String a = core.parties.create(anne).id;
        String colleague = core.parties.create(person("Paul", word, agencyA)).id;
        String stranger = core.parties.create(person("Bruno", word, agencyB)).id;
        relate(a, colleague);
        relate(stranger, a);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        activity(a, "Relance tardive", ActivityStatus.PLANNED, now.minus(2, ChronoUnit.DAYS));
        activity(a, "Rendez-vous", ActivityStatus.PLANNED, now.plus(3, ChronoUnit.DAYS));
        activity(a, "Sans date", ActivityStatus.PLANNED, null);
        activity(a, "Premier appel", ActivityStatus.DONE, now.minus(10, ChronoUnit.DAYS));
        activity(a, "Dernier appel", ActivityStatus.DONE, now.minus(1, ChronoUnit.DAYS));

        core.callers.bind(agent(agencyA, CorePermissions.PARTY_READ, CorePermissions.ACTIVITY_READ));
        PartyOverviewDTO seen = overview.overview(a);
        assertEquals(a, seen.party.id);
        assertEquals(agencyA, seen.party.orgUnitId);
        assertEquals("AGENCY-A", seen.party.orgUnitName);
        assertEquals(List.of("contact-mechanisms", "relationships", "next-activity", "last-interaction"),
                seen.sections.stream().map(s -> s.section).toList());
        seen.sections.forEach(s -> assertEquals(ContributionStatus.OK, s.status, s.section + ": " + s.message));

        OverviewSectionDTO contacts = seen.sections.get(0);
        assertEquals("anne@example.com", contacts.items.get(0).title, "the primary mechanism first");
        assertEquals("OPT_OUT", contacts.items.get(1).status);

        OverviewSectionDTO relationships = seen.sections.get(1);
        assertEquals(1, relationships.figures.get(0).value.intValue(), "the party of the other agency is not shown");
        assertEquals(colleague, relationships.items.get(0).href.substring("/parties/".length()));
        assertEquals("current", relationships.figures.get(0).key, "a stable key a client translates");
        assertEquals("CONTACT_OF", relationships.items.get(0).type);
        assertEquals("OUTGOING", relationships.items.get(0).direction, "Anne is the contact of Paul");

        OverviewSectionDTO next = seen.sections.get(2);
        assertEquals("Relance tardive", next.items.get(0).title, "the overdue one is the next to do");
        assertEquals(3, next.figures.get(0).value.intValue());
        assertEquals(1, next.figures.get(1).value.intValue());
        assertEquals(List.of("planned", "overdue"), next.figures.stream().map(f -> f.key).toList());

        OverviewSectionDTO last = seen.sections.get(3);
        assertEquals(List.of("Dernier appel"), last.items.stream().map(i -> i.title).toList());

        // without the activity permission the activity sections are not computed at all
        core.callers.bind(agent(agencyA, CorePermissions.PARTY_READ));
        assertEquals(List.of("contact-mechanisms", "relationships"), overview.overview(a).sections.stream().map(s -> s.section).toList());

        // an agent of the other agency does not see the party at all
        core.callers.bind(agent(agencyB, CorePermissions.PARTY_READ, CorePermissions.ACTIVITY_READ));
        assertThrows(NotFoundException.class, () -> overview.overview(a));
    }

    @Test
    void thePartyGroupFindsPrefixesWithoutAccentsInTheCallersScopeOnly() {
        String word = "Bérard" + COUNTER.incrementAndGet();
        String mine = core.parties.create(person("Jean-François", word, agencyA)).id;
        String theirs = core.parties.create(person("Jeanne", word, agencyB)).id;
        String q = "jean " + word.toLowerCase().replace("é", "e");

        core.callers.bind(agent(agencyA, CorePermissions.PARTY_READ));
        SearchGroupDTO parties = search.search(q, 5).groups.get(0);
        assertEquals("party", parties.type);
        assertEquals(List.of(mine), parties.items.stream().map(hit -> hit.id).toList());
        assertFalse(parties.more);

        core.callers.unbind();
        List<String> all = search.search(q, 1).groups.get(0).items.stream().map(hit -> hit.id).toList();
        assertEquals(1, all.size(), "the limit holds");
        assertTrue(search.search(q, 1).groups.get(0).more, "and says there are more");
        assertTrue(search.search(q, 5).groups.get(0).items.stream().anyMatch(hit -> hit.id.equals(theirs)));
    }

    private String unit(String code, String parentId) {
        OrgUnitDTO unit = new OrgUnitDTO();
        unit.code = code + "-" + COUNTER.incrementAndGet();
        unit.name = code;
        unit.parentId = parentId;
        return core.org.createOrgUnit(unit).id;
    }

    private static Caller agent(String orgUnitId, String... permissions) {
        return new Caller("agent", Set.of("agent"), Set.of(permissions), orgUnitId);
    }

    private static PartyDTO person(String first, String last, String orgUnitId) {
        PartyDTO party = new PartyDTO();
        party.type = PartyType.PERSON;
        party.firstName = first;
        party.lastName = last;
        party.orgUnitId = orgUnitId;
        return party;
    }

    private static ContactMechanismDTO mechanism(ContactMechanismType type, String value, boolean primary, boolean optOut) {
        ContactMechanismDTO mechanism = new ContactMechanismDTO();
        mechanism.type = type;
        mechanism.value = value;
        mechanism.primary = primary;
        mechanism.optOut = optOut;
        return mechanism;
    }

    private void relate(String from, String to) {
        PartyRelationshipDTO relationship = new PartyRelationshipDTO();
        relationship.type = "CONTACT_OF";
        relationship.toPartyId = to;
        core.parties.addRelationship(from, relationship);
    }

    private void activity(String partyId, String subject, ActivityStatus status, Instant at) {
        ActivityDTO activity = new ActivityDTO();
        activity.type = "CALL";
        activity.subject = subject;
        activity.status = status;
        if (status == ActivityStatus.PLANNED) {
            activity.dueAt = at;
        } else {
            activity.startAt = at;
        }
        activity.participants.add(partyId);
        core.activities.create(activity);
    }
}
