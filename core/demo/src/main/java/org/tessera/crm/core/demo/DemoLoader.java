package org.tessera.crm.core.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.api.org.AgentDTO;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.api.org.OrgUnitDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyRelationshipDTO;
import org.tessera.crm.core.api.party.PartyService;

/**
 * Loads the demo data set through the public core services only, as any module would. Loading
 * twice is refused: the demo org units are the marker.
 */
final class DemoLoader {
    static final String MARKER_ORG_UNIT = "DEMO-NORTH";

    /** What a load did. */
    record Summary(boolean alreadyLoaded, int orgUnits, int agents, int parties, int relationships, int activities) {
    }

    private final PartyService parties;
    private final ActivityService activities;
    private final OrgService org;
    private final Clock clock;

    DemoLoader(PartyService parties, ActivityService activities, OrgService org, Clock clock) {
        this.parties = parties;
        this.activities = activities;
        this.org = org;
        this.clock = clock;
    }

    Summary load(int personCount) {
        if (org.findOrgUnitByCode(MARKER_ORG_UNIT).isPresent()) {
            return new Summary(true, 0, 0, 0, 0, 0);
        }
        String root = org.findOrgUnitByCode("HQ").map(unit -> unit.id)
                .orElseGet(() -> orgUnit("HQ", "Head office", null).id);
        String north = orgUnit(MARKER_ORG_UNIT, "Région Nord", root).id;
        String south = orgUnit("DEMO-SOUTH", "Région Sud", root).id;
        List<String> agencies = List.of(orgUnit("DEMO-PARIS", "Agence Paris Opéra", north).id,
                orgUnit("DEMO-LILLE", "Agence Lille Grand'Place", north).id,
                orgUnit("DEMO-LYON", "Agence Lyon Part-Dieu", south).id,
                orgUnit("DEMO-MARSEILLE", "Agence Marseille Vieux-Port", south).id);

        List<String> agents = new ArrayList<>();
        agents.add(agent("mdupont", "Marie Dupont", agencies.get(0)).id);
        agents.add(agent("jlefevre", "Jérôme Lefèvre", agencies.get(1)).id);
        agents.add(agent("cdarcy", "Cécile D'Arcy", agencies.get(2)).id);
        agents.add(agent("hnunez", "Hugo Nuñez", agencies.get(3)).id);
        agent("amenard", "Agnès Ménard", north);
        agent("bgiraud", "Benoît Giraud", south);

        DemoDataSet data = new DemoDataSet(42L, clock.instant());
        List<PartyDTO> organizations = createAll(data.organizations(40, agencies, agents));
        List<PartyDTO> persons = createAll(data.persons(personCount, agencies, agents));
        List<PartyDTO> households = createAll(data.households(20, agencies, agents));

        int relationships = 0;
        LocalDate since = LocalDate.now(clock).minusYears(3);
        for (int i = 0; i < persons.size(); i++) {
            PartyDTO employer = organizations.get(i % organizations.size());
            relationships += relate(persons.get(i).id, i % 5 == 0 ? "CONTACT_OF" : "EMPLOYEE_OF", employer.id, since);
            if (i < households.size() * 2) {
                relationships += relate(persons.get(i).id, "MEMBER_OF_HOUSEHOLD", households.get(i % households.size()).id, since);
            }
        }

        int activityCount = 0;
        for (PartyDTO party : concat(organizations, persons)) {
            for (ActivityDTO activity : data.activitiesFor(party.id, party.ownerId)) {
                activities.create(activity);
                activityCount++;
            }
        }
        return new Summary(false, 6, 6, organizations.size() + persons.size() + households.size(), relationships,
                activityCount);
    }

    private List<PartyDTO> createAll(List<PartyDTO> drafts) {
        List<PartyDTO> created = new ArrayList<>(drafts.size());
        for (PartyDTO draft : drafts) {
            // the demo set is made of distinct people: a chance likeness (same phone and name) is no reason to stop the load
            created.add(parties.create(draft, true));
        }
        return created;
    }

    private int relate(String from, String type, String to, LocalDate since) {
        PartyRelationshipDTO relationship = new PartyRelationshipDTO();
        relationship.type = type;
        relationship.toPartyId = to;
        relationship.from = since;
        parties.addRelationship(from, relationship);
        return 1;
    }

    private OrgUnitDTO orgUnit(String code, String name, String parentId) {
        OrgUnitDTO unit = new OrgUnitDTO();
        unit.code = code;
        unit.name = name;
        unit.parentId = parentId;
        return org.createOrgUnit(unit);
    }

    private AgentDTO agent(String login, String name, String orgUnitId) {
        return org.findAgentByLogin(login).orElseGet(() -> {
            AgentDTO agent = new AgentDTO();
            agent.login = login;
            agent.displayName = name;
            agent.email = login + "@tessera.example.com";
            agent.orgUnitId = orgUnitId;
            return org.createAgent(agent);
        });
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
