package org.tessera.crm.banking.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.banking.api.AccountDTO;
import org.tessera.crm.banking.api.AccountQuery;
import org.tessera.crm.banking.api.AccountRole;
import org.tessera.crm.banking.api.AccountRoleDTO;
import org.tessera.crm.banking.api.AccountStatus;
import org.tessera.crm.banking.api.AssetDTO;
import org.tessera.crm.banking.api.AssetKind;
import org.tessera.crm.banking.api.HouseholdMemberDTO;
import org.tessera.crm.banking.api.HouseholdRole;
import org.tessera.crm.banking.api.ImportedAccountDTO;
import org.tessera.crm.banking.api.ImportedLifeEventDTO;
import org.tessera.crm.banking.api.LifeEventDTO;
import org.tessera.crm.banking.api.OfferDefinitionDTO;
import org.tessera.crm.banking.api.OfferRuleDTO;
import org.tessera.crm.banking.api.OfferSource;
import org.tessera.crm.banking.api.RollupDTO;
import org.tessera.crm.banking.api.rules.ConditionDTO;
import org.tessera.crm.banking.api.rules.ConditionEvaluator;
import org.tessera.crm.banking.impl.conditions.BalanceCondition;
import org.tessera.crm.banking.impl.conditions.HouseholdRollupCondition;
import org.tessera.crm.banking.impl.conditions.LifeEventCondition;
import org.tessera.crm.banking.impl.conditions.RecentActivityCondition;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.StaleVersionException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyRelationshipDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.testkit.EmfTx;
import org.tessera.crm.core.testkit.Stubs;
import org.tessera.crm.core.testkit.TestAudit;
import org.tessera.crm.core.testkit.TestEvents;
import org.tessera.crm.core.testkit.TestCallerContext;
import org.tessera.crm.core.testkit.TestDatabase;

/**
 * The banking persistence on every supported database, outside OSGi, through the real unit and
 * changelog: accounts and roles, the rollup SQL with its counting rule, offers evaluated and decided,
 * the import. The core services it calls are stand-ins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractBankingDatabaseTest {
    static final String CHANGELOG = "org/tessera/crm/banking/impl/db/changelog.xml";

    private TestDatabase database;
    private EmfTx tx;
    private AccountServiceImpl accounts;
    private HouseholdServiceImpl households;
    private LifeEventServiceImpl lifeEvents;
    private OfferServiceImpl offers;
    private final TestCallerContext callers = new TestCallerContext();
    private final Map<String, PartyDTO> parties = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(700_000);

    protected abstract TestDatabase startDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        database.migrate("banking", CHANGELOG);
        tx = new EmfTx("tessera-banking", database.dataSource());
        PartyService partyService = Stubs.of(PartyService.class, (name, args) -> switch (name) {
            case "find" -> Optional.ofNullable(parties.get((String) args[0]));
            case "addRelationship" -> {
                PartyRelationshipDTO relationship = (PartyRelationshipDTO) args[1];
                relationship.id = String.valueOf(ids.incrementAndGet());
                yield relationship;
            }
            default -> null;
        });
        RecordScope scope = Stubs.of(RecordScope.class, (name, args) -> switch (name) {
            case "canAccessParty" -> Boolean.TRUE;
            case "visibleOrgUnitIds" -> Optional.empty();
            case "unrestricted" -> Boolean.TRUE;
            default -> null;
        });
        CustomFieldService customFields = Stubs.of(CustomFieldService.class, (name, args) ->
                name.equals("normalize") ? args[1] : name.equals("isActiveValue") ? !"GOLD_BARS".equals(args[1]) : null);
        ValidationService validation = Stubs.of(ValidationService.class, (name, args) -> null);
        ActivityService activities = Stubs.of(ActivityService.class, (name, args) -> {
            ActivityDTO created = (ActivityDTO) args[0];
            created.id = String.valueOf(ids.incrementAndGet());
            return created;
        });
        DomainEventPublisher events = TestEvents.outbox(callers, tx);
        AuditRecorder audit = TestAudit.coreRecorder(callers);
        accounts = new AccountServiceImpl(tx, partyService, scope, validation, customFields, callers, events, audit);
        households = new HouseholdServiceImpl(tx, partyService, scope, callers, events, audit);
        lifeEvents = new LifeEventServiceImpl(tx, partyService, scope, customFields, callers, events, audit);
        ConditionEngineImpl engine = new ConditionEngineImpl();
        BankingFacts facts = new BankingFacts(tx, partyService);
        engine.addEvaluator(new LifeEventCondition(facts), Map.of(ConditionEvaluator.TYPE, "lifeEvent.recent"));
        engine.addEvaluator(new BalanceCondition(facts), Map.of(ConditionEvaluator.TYPE, "account.balance"));
        engine.addEvaluator(new HouseholdRollupCondition(facts), Map.of(ConditionEvaluator.TYPE, "household.rollup"));
        engine.addEvaluator(new RecentActivityCondition(facts), Map.of(ConditionEvaluator.TYPE, "activity.recent"));
        offers = new OfferServiceImpl(tx, partyService, scope, engine, customFields, activities, callers, events, audit);
    }

    @AfterAll
    void stop() throws Exception {
        if (tx != null) {
            tx.close();
        }
        database.close();
    }

    @Test
    void householdRollupsCountEachAccountOnceInItsPrimaryOwnersHousehold() {
        String household = party(PartyType.HOUSEHOLD);
        String other = party(PartyType.HOUSEHOLD);
        String alice = party(PartyType.PERSON);
        String bob = party(PartyType.PERSON);
        String carol = party(PartyType.PERSON);
        member(household, alice, HouseholdRole.HEAD);
        member(household, bob, HouseholdRole.SPOUSE);
        member(other, carol, HouseholdRole.HEAD);
        account("CURRENT", "EUR", "2500", owner(alice, AccountRole.PRIMARY_OWNER, "2020-01-01", null), owner(bob, AccountRole.JOINT_OWNER, "2020-01-01", null));
        String savings = account("SAVINGS", "EUR", "10000", owner(alice, AccountRole.PRIMARY_OWNER, "2020-01-01", null),
                owner(carol, AccountRole.JOINT_OWNER, "2020-01-01", null));
        account("CURRENT", "EUR", "800", owner(bob, AccountRole.PRIMARY_OWNER, "2020-01-01", null));
        account("CURRENT", "USD", "100", owner(bob, AccountRole.PRIMARY_OWNER, "2020-01-01", null));
        account("MORTGAGE", "EUR", "-150000", owner(alice, AccountRole.PRIMARY_OWNER, "2020-01-01", null));
        // handed over from Carol to Alice: counted with Alice, and no longer shown to Carol's household
        account("CURRENT", "EUR", "50", owner(carol, AccountRole.PRIMARY_OWNER, "2020-01-01", "2022-01-01"),
                owner(alice, AccountRole.PRIMARY_OWNER, "2022-01-01", null));
        AccountDTO closed = draft("SAVINGS", "EUR", "999", owner(alice, AccountRole.PRIMARY_OWNER, "2020-01-01", null));
        closed.status = AccountStatus.CLOSED;
        closed.closedOn = LocalDate.parse("2024-01-01");
        accounts.create(closed);
        AssetDTO house = new AssetDTO();
        house.kind = AssetKind.ASSET;
        house.category = "property";
        house.value = new BigDecimal("320000");
        house.currency = "eur";
        households.addAsset(alice, house);

        RollupDTO rollup = households.householdRollup(household);
        assertEquals(List.of("EUR", "USD"), rollup.totals.stream().map(t -> t.currency).toList());
        assertAmount("13350", rollup.totals.get(0).deposits);
        assertAmount("150000", rollup.totals.get(0).loans);
        assertAmount("183350", rollup.totals.get(0).netWorth);
        assertAmount("100", rollup.totals.get(1).deposits);
        assertEquals(6, rollup.countedAccounts);
        assertEquals(Map.of("CURRENT", 4, "SAVINGS", 1, "MORTGAGE", 1), rollup.productsHeld);
        assertEquals(List.of(), rollup.sharedAccounts);

        RollupDTO carols = households.householdRollup(other);
        assertEquals(0, carols.countedAccounts);
        assertEquals(List.of(savings), carols.sharedAccounts.stream().map(s -> s.accountId).toList());
        assertEquals(household, carols.sharedAccounts.get(0).countedInHouseholdId);

        RollupDTO bobs = households.personRollup(bob);
        assertEquals(2, bobs.countedAccounts);
        assertEquals(1, bobs.sharedAccounts.size());
        assertEquals(alice, bobs.sharedAccounts.get(0).primaryOwnerId);
    }

    @Test
    void lifeEventsImportOncePerPersonTypeAndDayWithAPerRowReport() {
        String eve = party(PartyType.PERSON);
        String household = party(PartyType.HOUSEHOLD);
        LocalDate day = LocalDate.now().minusDays(40);
        List<ImportRow<ImportedLifeEventDTO>> rows = List.of(
                ImportRow.of(1, lifeEvent(eve, "new_job", day, null)),
                ImportRow.of(2, lifeEvent(eve, "RELOCATION", day, "to Lyon")),
                ImportRow.of(3, lifeEvent(eve, "GOLD_BARS", day, null)),
                ImportRow.of(4, lifeEvent(household, "MARRIAGE", day, null)),
                ImportRow.of(5, lifeEvent(null, "MARRIAGE", day, null)),
                ImportRow.of(6, lifeEvent(eve, "RETIREMENT", LocalDate.now().plusDays(3), null)));
        ImportReport first = lifeEvents.importLifeEvents(rows.iterator());
        assertEquals(2, first.created, first.errors.toString());
        assertEquals(4, first.rejected);
        assertEquals(List.of("type", "partyId", "partyId", "occurredOn"),
                first.errors.stream().map(rejected -> rejected.errors.get(0).field).toList());

        ImportReport again = lifeEvents.importLifeEvents(List.of(ImportRow.of(1, lifeEvent(eve, "NEW_JOB", day, null)),
                ImportRow.of(2, lifeEvent(eve, "RELOCATION", day, "to Lyon, then Grenoble"))).iterator());
        assertEquals(0, again.created);
        assertEquals(1, again.unchanged);
        assertEquals(1, again.updated);
        List<LifeEventDTO> stored = lifeEvents.of(eve);
        assertEquals(2, stored.size());
        assertTrue(stored.stream().allMatch(event -> "IMPORT".equals(event.source)));
        assertEquals("to Lyon, then Grenoble", stored.stream().filter(event -> event.type.equals("RELOCATION")).findFirst().orElseThrow().notes);
    }

    private static ImportedLifeEventDTO lifeEvent(String partyId, String type, LocalDate occurredOn, String notes) {
        ImportedLifeEventDTO event = new ImportedLifeEventDTO();
        event.partyId = partyId;
        event.type = type;
        event.occurredOn = occurredOn;
        event.notes = notes;
        return event;
    }

    @Test
    void offersAreRankedAcceptedIntoAPlannedActivityWithoutSalesAndRejectedForTheirCoolDown() {
        String household = party(PartyType.HOUSEHOLD);
        String dora = party(PartyType.PERSON);
        member(household, dora, HouseholdRole.HEAD);
        account("SAVINGS", "EUR", "20000", owner(dora, AccountRole.PRIMARY_OWNER, "2020-01-01", null));
        String parent = offers.createRule(rule("parent-" + dora, 500, "Junior savings",
                condition("lifeEvent.recent", Map.of("eventType", "BIRTH_OF_CHILD", "withinDays", 90)))).id;
        String wealthy = offers.createRule(rule("wealthy-" + dora, 400, "Private banking",
                condition("household.rollup", Map.of("metric", "netWorth", "currency", "EUR", "min", 15000)))).id;
        String rich = offers.createRule(rule("rich-" + dora, 300, "Premium card",
                condition("account.balance", Map.of("accountType", "SAVINGS", "min", 10000)))).id;
        String caller = offers.createRule(rule("caller-" + dora, 200, "Callback",
                condition("activity.recent", Map.of("withinDays", 7)))).id;

        List<String> before = ruleIds(dora, 25);
        assertTrue(before.indexOf(wealthy) == 0 && before.indexOf(rich) == 1 && !before.contains(parent) && !before.contains(caller),
                before.toString());
        LifeEventDTO birth = new LifeEventDTO();
        birth.type = "birth_of_child";
        birth.occurredOn = LocalDate.now().minusDays(10);
        lifeEvents.record(dora, birth);
        assertEquals(List.of(parent, wealthy, rich), ruleIds(dora, 3));
        assertEquals(List.of(parent), ruleIds(dora, 1));
        assertTrue(offers.offersFor(dora, 1).get(0).reasons.get(0).contains("BIRTH_OF_CHILD"));

        assertTrue(offers.accept(dora, parent, null).followUp.startsWith("activity:"));
        ValidationException noReason = assertThrows(ValidationException.class, () -> offers.reject(dora, wealthy, " "));
        assertEquals("reason", noReason.errors().get(0).field);
        offers.reject(dora, wealthy, "not now");
        assertEquals(List.of(rich), ruleIds(dora, 3));
        assertThrows(ConflictException.class, () -> offers.reject(dora, wealthy, "again"));
        assertEquals(2, offers.decisions(dora).size());
    }

    @Test
    void aRuleIsValidatedWholeNamingPathsInsideItsConditions() {
        OfferRuleDTO bad = rule("Bad Key", -1, null, condition("lifeEvent.recent", Map.of("eventType", "MARRIAGE", "withinDay", 3)),
                condition("astrology", Map.of()));
        bad.offer.name = null;
        ValidationException refused = assertThrows(ValidationException.class, () -> offers.createRule(bad));
        assertEquals(Set.of("key", "name", "priority", "conditions[0].parameters.withinDay", "conditions[0].parameters.withinDays",
                "conditions[1].type", "offer.name"), refused.errors().stream().map(e -> e.field).collect(java.util.stream.Collectors.toSet()));
        OfferRuleDTO marketing = rule("from-marketing", 1, "x", condition("account.balance", Map.of("min", 1)));
        marketing.offer.source = "marketing";
        assertEquals("offer.source", assertThrows(ValidationException.class, () -> offers.createRule(marketing)).errors().get(0).field);
    }

    @Test
    void anOfferFromAnotherSourceIsProposedWhileTheSourceIsRegistered() {
        String gina = party(PartyType.PERSON);
        account("CURRENT", "EUR", "100", owner(gina, AccountRole.PRIMARY_OWNER, "2020-01-01", null));
        OfferSource marketing = code -> {
            if (!"SPRING".equals(code)) {
                return Optional.empty();
            }
            OfferDefinitionDTO offer = new OfferDefinitionDTO();
            offer.source = "marketing";
            offer.code = code;
            offer.name = "Spring campaign offer";
            return Optional.of(offer);
        };
        offers.addSource(marketing, Map.of(OfferSource.SOURCE, "marketing"));
        try {
            OfferRuleDTO rule = rule("spring-" + gina, 50, "Spring", condition("account.balance", Map.of("accountType", "CURRENT", "min", 1)));
            rule.offer.name = null; // the source names it
            rule.offer.source = "marketing";
            rule.offer.code = "SPRING";
            String id = offers.createRule(rule).id;
            assertEquals(List.of("Spring campaign offer"), offers.offersFor(gina, 25).stream().filter(o -> o.ruleId.equals(id))
                    .map(o -> o.offer.name).toList());
            OfferRuleDTO unknown = rule("autumn-" + gina, 50, "Autumn", condition("account.balance", Map.of("min", 1)));
            unknown.offer.source = "marketing";
            unknown.offer.code = "AUTUMN";
            assertEquals("offer.code", assertThrows(ValidationException.class, () -> offers.createRule(unknown)).errors().get(0).field);
            offers.removeSource(marketing);
            assertTrue(offers.offersFor(gina, 25).stream().noneMatch(o -> o.ruleId.equals(id)), "its source left: not proposed");
        } finally {
            offers.removeSource(marketing);
        }
    }

    @Test
    void accountsAreUniqueByNumberVersionedAndTheirBalancesSensitive() {
        String erin = party(PartyType.PERSON);
        AccountDTO created = accounts.create(draft("SAVINGS", "EUR", "42", owner(erin, AccountRole.PRIMARY_OWNER, "2020-01-01", null)));
        AccountDTO twin = draft("SAVINGS", "EUR", "1", owner(erin, AccountRole.PRIMARY_OWNER, "2020-01-01", null));
        twin.number = created.number.toLowerCase();
        assertEquals("number", assertThrows(ConflictException.class, () -> accounts.create(twin)).field());
        created.product = "renamed";
        assertThrows(StaleVersionException.class, () -> accounts.update(created.id, created.version + 1, created));
        created.balance = new BigDecimal("43");
        assertEquals("balance", assertThrows(ValidationException.class, () -> accounts.update(created.id, created.version, created))
                .errors().get(0).field);
        created.balance = new BigDecimal("42.0000");
        assertEquals("renamed", accounts.update(created.id, created.version, created).product);

        Caller teller = new Caller("teller", Set.of("teller"), Set.of(BankingPermissions.ACCOUNT_READ), null);
        AccountDTO seen = callers.as(teller, () -> accounts.get(created.id));
        assertNull(seen.balance);
        assertNull(seen.availableBalance);
        AccountQuery query = new AccountQuery();
        query.partyId = erin;
        assertEquals(1, accounts.search(query).items.size());
        assertEquals(ValidationException.class, assertThrows(RuntimeException.class, () -> accounts.create(
                draft("GOLD_BARS", "EUR", "1", owner(erin, AccountRole.PRIMARY_OWNER, "2020-01-01", null)))).getClass());
    }

    @Test
    void theImportUpsertsByNumberAndReportsEveryRow() {
        String fred = party(PartyType.PERSON);
        ImportedAccountDTO row = new ImportedAccountDTO();
        row.number = "IMP" + fred;
        row.type = "CURRENT";
        row.currency = "EUR";
        row.balance = new BigDecimal("10.50");
        row.openedOn = LocalDate.parse("2021-01-01");
        ImportedAccountDTO.ImportedRoleDTO role = new ImportedAccountDTO.ImportedRoleDTO();
        role.partyId = fred;
        role.role = AccountRole.PRIMARY_OWNER;
        row.importedRoles.add(role);
        ImportReport first = accounts.importAccounts(List.of(ImportRow.of(1, row), ImportRow.<ImportedAccountDTO>unreadable(2,
                List.of(new org.tessera.crm.core.api.FieldError("colour", "unknown", "not a known field")))).iterator());
        assertEquals(1, first.created);
        assertEquals(1, first.rejected);
        assertEquals(2, first.errors.get(0).line);
        ImportReport second = accounts.importAccounts(List.of(ImportRow.of(1, copy(row, "10.5"))).iterator());
        assertEquals(1, second.unchanged, "the same row, the same amount written differently");
        ImportReport third = accounts.importAccounts(List.of(ImportRow.of(1, copy(row, "11"))).iterator());
        assertEquals(1, third.updated);
        AccountQuery query = new AccountQuery();
        query.partyId = fred;
        assertAmount("11", accounts.search(query).items.get(0).balance);
    }

    private static ImportedAccountDTO copy(ImportedAccountDTO row, String balance) {
        ImportedAccountDTO copy = new ImportedAccountDTO();
        copy.number = row.number;
        copy.type = row.type;
        copy.currency = row.currency;
        copy.balance = new BigDecimal(balance);
        copy.openedOn = row.openedOn;
        ImportedAccountDTO.ImportedRoleDTO role = new ImportedAccountDTO.ImportedRoleDTO();
        role.partyId = row.importedRoles.get(0).partyId;
        role.role = AccountRole.PRIMARY_OWNER;
        copy.importedRoles.add(role);
        return copy;
    }

    // ---- helpers

    private String party(PartyType type) {
        PartyDTO party = new PartyDTO();
        party.id = String.valueOf(ids.incrementAndGet());
        party.type = type;
        parties.put(party.id, party);
        // the core's row as well: the rollups check existence, type and scope in SQL
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO party (id, version, party_type, status, display_name,"
                        + " created_at, updated_at) VALUES (?, 1, ?, 'ACTIVE', ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setLong(1, Long.parseLong(party.id));
            insert.setString(2, type.name());
            insert.setString(3, type + " " + party.id);
            insert.setTimestamp(4, now);
            insert.setTimestamp(5, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return party.id;
    }

    private void member(String household, String person, HouseholdRole role) {
        HouseholdMemberDTO member = new HouseholdMemberDTO();
        member.partyId = person;
        member.role = role;
        households.addMember(household, member);
    }

    private AccountDTO draft(String type, String currency, String balance, AccountRoleDTO... roles) {
        AccountDTO account = new AccountDTO();
        account.number = "N" + ids.incrementAndGet();
        account.type = type;
        account.currency = currency;
        account.balance = new BigDecimal(balance);
        account.openedOn = LocalDate.parse("2020-01-01");
        account.roles.addAll(List.of(roles));
        return account;
    }

    private String account(String type, String currency, String balance, AccountRoleDTO... roles) {
        return accounts.create(draft(type, currency, balance, roles)).id;
    }

    private static AccountRoleDTO owner(String party, AccountRole role, String from, String thru) {
        return AccountRulesTest.role(party, role, from, thru);
    }

    private static ConditionDTO condition(String type, Map<String, Object> parameters) {
        return new ConditionDTO(type, parameters);
    }

    private static OfferRuleDTO rule(String key, int priority, String offerName, ConditionDTO... conditions) {
        OfferRuleDTO rule = new OfferRuleDTO();
        rule.key = key;
        rule.name = offerName;
        rule.priority = priority;
        rule.conditions.addAll(List.of(conditions));
        rule.offer = new OfferDefinitionDTO();
        rule.offer.code = "CODE";
        rule.offer.name = offerName;
        return rule;
    }

    private List<String> ruleIds(String party, int limit) {
        return offers.offersFor(party, limit).stream().map(o -> o.ruleId).toList();
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> expected + " expected, was " + actual);
    }
}
