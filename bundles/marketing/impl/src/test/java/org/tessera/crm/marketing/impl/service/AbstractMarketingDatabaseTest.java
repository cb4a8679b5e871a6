package org.tessera.crm.marketing.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.PartyFactContributor;
import org.tessera.crm.core.api.spi.PartyFactDTO;
import org.tessera.crm.core.api.spi.PartyFactParameterDTO;
import org.tessera.crm.core.api.spi.SqlCondition;
import org.tessera.crm.core.testkit.EmfTx;
import org.tessera.crm.core.testkit.Stubs;
import org.tessera.crm.core.testkit.TestAudit;
import org.tessera.crm.core.testkit.TestEvents;
import org.tessera.crm.core.testkit.TestCallerContext;
import org.tessera.crm.core.testkit.TestDatabase;
import org.tessera.crm.marketing.api.CampaignDTO;
import org.tessera.crm.marketing.api.CampaignStatus;
import org.tessera.crm.marketing.api.CampaignType;
import org.tessera.crm.marketing.api.MarketingConstants;
import org.tessera.crm.marketing.api.MembersAddedDTO;
import org.tessera.crm.marketing.api.OfferDTO;
import org.tessera.crm.marketing.api.SegmentDTO;

/**
 * Marketing's persistence and segment SQL outside OSGi, on each supported database: the real unit and
 * changelog after the core's; segments compiled to SQL and evaluated by the database (count,
 * materialization into members, idempotent), record scope in the queries, a fact contributed by
 * another module, the campaign tree and the default status list.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractMarketingDatabaseTest {
    static final String CHANGELOG = "org/tessera/crm/marketing/impl/db/changelog.xml";

    private final TestCallerContext callers = new TestCallerContext();
    private final TestScope scope = new TestScope();
    private final AtomicLong keys = new AtomicLong(900_000);
    private final Map<String, CustomFieldType> partyFields = new ConcurrentHashMap<>();
    private final Set<String> sensitivePartyFields = ConcurrentHashMap.newKeySet();
    private TestDatabase database;
    private DataSource dataSource;
    private EmfTx tx;
    private Campaigns campaigns;
    private Segments segments;
    private Members members;

    protected abstract TestDatabase startDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        database.migrate(MarketingConstants.MODULE, CHANGELOG);
        dataSource = database.dataSource();
        tx = new EmfTx(MarketingUnit.NAME, dataSource);
        CustomFieldService fields = customFields();
        OrgService org = Stubs.findingNothing(OrgService.class);
        campaigns = new Campaigns(tx, fields, org, TestEvents.outbox(callers, tx), TestAudit.coreRecorder(callers), Clock.systemUTC(), 3);
        segments = new Segments(tx, scope, fields, callers, TestEvents.outbox(callers, tx), TestAudit.coreRecorder(callers), Clock.systemUTC());
        segments.addFactContributor(new VipFacts());
        members = new Members(tx, scope, campaigns, segments, null, callers, TestEvents.outbox(callers, tx), TestAudit.coreRecorder(callers),
                Clock.systemUTC());
        partyFields.put("tier", CustomFieldType.PICKLIST);
        partyFields.put("score", CustomFieldType.NUMBER);
        partyFields.put("since", CustomFieldType.DATE);
    }

    @AfterAll
    void stop() throws Exception {
        if (tx != null) {
            tx.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aSensitiveCustomFieldIsNoCriterionForACallerWhoMayNotSeeIt() {
        partyFields.put("income", CustomFieldType.NUMBER);
        sensitivePartyFields.add("income");
        Map<String, Object> byIncome = Map.of("field", "customFields.income", "op", "gt", "value", 100000);
        Caller agent = new Caller("agent", Set.of("agent"), Set.of("marketing.segment.read"), null);
        ValidationException refused = assertThrows(ValidationException.class, () -> callers.as(agent, () -> segments.compile(byIncome)));
        assertTrue(refused.errors().toString().contains("no custom field income"), refused.errors().toString());
        Caller manager = new Caller("manager", Set.of("manager"), Set.of("marketing.segment.read", "core.party.sensitive"), null);
        assertTrue(callers.as(manager, () -> segments.compile(byIncome)).sql().contains("custom_value"));
    }

    @Test
    void migrationsAreIdempotent() {
        assertEquals("marketing-001-initial", database.migrate(MarketingConstants.MODULE, CHANGELOG));
    }

    @Test
    void aSegmentIsCountedAndMaterializedByTheDatabaseOnceWithinTheScope() {
        String word = "w" + keys.incrementAndGet();
        long unitA = unit();
        long unitB = unit();
        List<String> gold = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            gold.add(party(i < 3 ? unitA : unitB, word, "GOLD", 10 + i, "2026-0" + (i + 1) + "-15", i == 0));
        }
        party(unitA, word, "SILVER", 50, "2026-01-01", false);
        String segment = segments.create(segment(word, Map.of("and", List.of(
                Map.of("field", "classification", "op", "in", "value", List.of("CUSTOMER", "PARTNER")),
                Map.of("field", "customFields.tier", "op", "eq", "value", "GOLD"),
                Map.of("field", "customFields.score", "op", "between", "value", List.of(10, 13)),
                Map.of("not", Map.of("field", "customFields.since", "op", "gt", "value", "2026-03-31")),
                Map.of("field", "customFields.tier", "op", "isSet"))))).id;
        // scores 10..13 and since ≤ 03-31: the first three
        assertEquals(3, segments.count(segment));
        assertEquals(1, segments.preview(Map.of("and", List.of(Map.of("field", "customFields.tier", "op", "eq", "value", "GOLD"),
                Map.of("fact", "test.vip"), Map.of("field", "classification", "op", "eq", "value", "CUSTOMER"),
                Map.of("field", "customFields.score", "op", "lte", "value", 10)))), "the contributed fact is part of the query");

        String campaign = campaigns.create(campaign("Gold " + word, null)).id;
        MembersAddedDTO first = members.addSegment(campaign, segment);
        assertEquals(3, first.added);
        MembersAddedDTO second = members.addSegment(campaign, segment);
        assertEquals(0, second.added, "re-running adds no duplicate");
        assertEquals(3, second.alreadyMembers);

        scope.perimeter = Set.of(String.valueOf(unitB));
        try {
            assertEquals(0, segments.count(segment), "the perimeter is in the query");
            assertEquals(0, members.list(campaign, null, 50, null).items.size());
        } finally {
            scope.perimeter = null;
        }
        assertEquals(List.of("PLANNED"), members.list(campaign, null, 50, null).items.stream().map(m -> m.status).distinct().toList());

        MembersAddedDTO bulk = members.addAll(campaign, List.of(gold.get(3), gold.get(0), "123456789"));
        assertEquals(1, bulk.added);
        assertEquals(1, bulk.alreadyMembers);
        assertEquals(1, bulk.notFound);
        assertEquals(List.of(gold.get(0), gold.get(1), gold.get(2), gold.get(3)),
                members.list(campaign, null, 50, null).items.stream().map(m -> m.partyId).toList());
    }

    @Test
    void criteriaFaultsNameTheirPath() {
        ValidationException refused = assertThrows(ValidationException.class, () -> segments.create(segment("Bad", Map.of("and", List.of(
                Map.of("field", "classification", "op", "eq", "value", "CUSTOMER"),
                Map.of("or", List.of(Map.of("field", "customFields.nope", "op", "eq", "value", "x"))),
                Map.of("field", "customFields.score", "op", "gt", "value", "many"),
                Map.of("fact", "test.vip", "params", Map.of("since", 3)))))));
        List<String> fields = refused.errors().stream().map(e -> e.field).toList();
        assertEquals(List.of("criteria.and[1].or[0].field", "criteria.and[2].value", "criteria.and[3].params.since"), fields);
    }

    @Test
    void theCampaignTreeHasADepthLimitAndNoCycle() {
        String root = campaigns.create(campaign("Root", null)).id;
        String child = campaigns.create(campaign("Child", root)).id;
        String grandChild = campaigns.create(campaign("Grandchild", child)).id;
        assertEquals(3, campaigns.get(grandChild).depth);
        assertThrows(ValidationException.class, () -> campaigns.create(campaign("Too deep", grandChild)), "depth limit 3 here");
        CampaignDTO moved = campaigns.get(root);
        moved.parentId = grandChild;
        assertThrows(ValidationException.class, () -> campaigns.update(root, null, moved), "a cycle");
        CampaignDTO promoted = campaigns.get(child);
        promoted.parentId = null;
        campaigns.update(child, null, promoted);
        assertEquals(2, campaigns.get(grandChild).depth, "the subtree is re-levelled");
        assertEquals(List.of("PLANNED", "SENT", "OPENED", "RESPONDED", "NOT_INTERESTED", "CONVERTED"),
                campaigns.statuses(root).stream().map(s -> s.code).toList());
    }

    @Test
    void theCatalogOffersWhatIsValidThatDayInAnActiveCampaign() {
        Offers offers = new Offers(tx, TestEvents.outbox(callers, tx), TestAudit.coreRecorder(callers));
        String campaign = campaigns.create(campaign("Spring savings", null)).id;
        OfferDTO draft = new OfferDTO();
        draft.name = "Savings booster";
        draft.startDate = LocalDate.of(2026, 3, 1);
        draft.endDate = LocalDate.of(2026, 5, 31);
        String offer = offers.create(campaign, draft).id;
        LocalDate inside = LocalDate.of(2026, 4, 15);
        assertTrue(offers.available(offer, inside).isEmpty(), "the campaign is only planned");

        CampaignDTO active = campaigns.get(campaign);
        active.status = CampaignStatus.ACTIVE;
        campaigns.update(campaign, null, active);
        assertEquals("Savings booster", offers.available(offer, inside).orElseThrow().name);
        assertEquals(campaign, offers.available(offer, inside).orElseThrow().campaignId);
        assertTrue(offers.available(offer, LocalDate.of(2026, 6, 1)).isEmpty(), "after its end date");
        assertTrue(offers.available(offer, LocalDate.of(2026, 2, 28)).isEmpty(), "before its start date");
        assertTrue(offers.available("999999999", inside).isEmpty(), "no such offer");
        assertTrue(offers.available("not-an-id", inside).isEmpty(), "not an id");
    }

    private static SegmentDTO segment(String name, Map<String, Object> criteria) {
        SegmentDTO s = new SegmentDTO();
        s.name = name;
        s.criteria = new LinkedHashMap<>(criteria);
        return s;
    }

    private static CampaignDTO campaign(String name, String parentId) {
        CampaignDTO c = new CampaignDTO();
        c.name = name;
        c.type = CampaignType.EMAIL;
        c.parentId = parentId;
        c.actualCost = new BigDecimal("100");
        return c;
    }

    private long unit() {
        long unit = keys.incrementAndGet();
        sql("INSERT INTO org_unit (id, version, code, name) VALUES (?, 1, ?, ?)", unit, "unit-" + unit, "Unit " + unit);
        return unit;
    }

    /** A customer with the custom values (score a number, since a date), a partner too when {@code vip}. */
    private String party(long unit, String word, String tier, int score, String since, boolean vip) {
        long party = keys.incrementAndGet();
        Timestamp now = Timestamp.from(Instant.now());
        sql("INSERT INTO party (id, version, party_type, status, display_name, org_unit_id, created_at, updated_at)"
                + " VALUES (?, 1, 'PERSON', 'ACTIVE', ?, ?, ?, ?)", party, word + " " + party, unit, now, now);
        sql("INSERT INTO party_classification (party_id, code) VALUES (?, ?)", party, "CUSTOMER");
        if (vip) {
            sql("INSERT INTO party_classification (party_id, code) VALUES (?, ?)", party, "PARTNER");
        }
        sql("INSERT INTO custom_value (entity_type, entity_id, field_key, text_value, text_prefix) VALUES ('PARTY', ?, 'tier', ?, ?)",
                party, tier, tier);
        sql("INSERT INTO custom_value (entity_type, entity_id, field_key, text_value, text_prefix, number_value) VALUES ('PARTY', ?, 'score', ?, ?, ?)",
                party, String.valueOf(score), String.valueOf(score), new BigDecimal(score));
        sql("INSERT INTO custom_value (entity_type, entity_id, field_key, text_value, text_prefix) VALUES ('PARTY', ?, 'since', ?, ?)",
                party, since, since);
        scope.partyUnits.put(String.valueOf(party), String.valueOf(unit));
        return String.valueOf(party);
    }

    private void sql(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Custom field definitions from {@link #partyFields}; values of campaigns pass through. */
    private CustomFieldService customFields() {
        return (CustomFieldService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CustomFieldService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "definition" -> Optional.ofNullable(partyFields.get((String) args[1])).map(type -> {
                        CustomFieldDefinitionDTO d = new CustomFieldDefinitionDTO();
                        d.key = (String) args[1];
                        d.type = type;
                        d.sensitive = sensitivePartyFields.contains(d.key);
                        return d;
                    });
                    case "normalize" -> args[1];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Another module's fact: a partner classification, with an optional date parameter. */
    static final class VipFacts implements PartyFactContributor {
        @Override
        public String module() {
            return "test";
        }

        @Override
        public List<PartyFactDTO> facts() {
            return List.of(new PartyFactDTO("test.vip", "Is a partner", List.of(new PartyFactParameterDTO("since", CustomFieldType.DATE, false))));
        }

        @Override
        public SqlCondition condition(String fact, Map<String, Object> parameters, String partyIdColumn) {
            return new SqlCondition("EXISTS (SELECT 1 FROM party_classification v WHERE v.party_id = " + partyIdColumn + " AND v.code = ?)",
                    List.of("PARTNER"));
        }
    }

    /** The caller's record scope: unrestricted, or the org units of {@link #perimeter}. */
    static final class TestScope implements RecordScope {
        final Map<String, String> partyUnits = new ConcurrentHashMap<>();
        volatile Set<String> perimeter;

        @Override
        public Optional<Set<String>> visibleOrgUnitIds() {
            return Optional.ofNullable(perimeter);
        }

        @Override
        public boolean canAccessOrgUnit(String orgUnitId) {
            return perimeter == null || perimeter.contains(orgUnitId);
        }

        @Override
        public boolean canAccessParty(String partyId) {
            return partyUnits.containsKey(partyId) && canAccessOrgUnit(partyUnits.get(partyId));
        }

        @Override
        public Optional<String> defaultOrgUnitId() {
            return Optional.empty();
        }
    }
}
