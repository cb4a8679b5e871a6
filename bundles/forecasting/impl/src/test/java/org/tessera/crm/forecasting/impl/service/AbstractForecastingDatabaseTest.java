package org.tessera.crm.forecasting.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.audit.AuditRecordDTO;
import org.tessera.crm.core.impl.audit.AuditChangeList;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.DependentRecordsException;
import org.tessera.crm.core.api.ForbiddenException;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.StaleVersionException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.org.AgentDTO;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.testkit.EmfTx;
import org.tessera.crm.core.testkit.Stubs;
import org.tessera.crm.core.testkit.TestAudit;
import org.tessera.crm.core.testkit.TestEvents;
import org.tessera.crm.core.testkit.TestCallerContext;
import org.tessera.crm.core.testkit.TestDatabase;
import org.tessera.crm.forecasting.api.AdjustmentDTO;
import org.tessera.crm.forecasting.api.ForecastDTO;
import org.tessera.crm.forecasting.api.ForecastLineDTO;
import org.tessera.crm.forecasting.api.ForecastQuery;
import org.tessera.crm.forecasting.api.ForecastingTopics;
import org.tessera.crm.forecasting.api.ModuleUnavailableException;
import org.tessera.crm.forecasting.api.PeriodDTO;
import org.tessera.crm.forecasting.api.PeriodGenerationDTO;
import org.tessera.crm.forecasting.api.PeriodStatus;
import org.tessera.crm.forecasting.api.PositionDTO;
import org.tessera.crm.forecasting.api.QuotaDTO;
import org.tessera.crm.forecasting.api.RevisionDTO;
import org.tessera.crm.forecasting.api.ExchangeRateDTO;
import org.tessera.crm.forecasting.api.Category;
import org.tessera.crm.forecasting.impl.sales.SalesOpportunitySource;
import org.tessera.crm.sales.impl.service.ForecastTotals;
import org.tessera.crm.sales.impl.service.OpportunityForecastReaderImpl;

/**
 * Forecasting's persistence and services against each supported database, outside OSGi, with the
 * real sales schema and the real sales reader (the deals are written as rows): a director, a
 * manager and two reps; submits, revisions, adjustments, visibility and the lock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractForecastingDatabaseTest {
    static final String CHANGELOG = "org/tessera/crm/forecasting/impl/db/changelog.xml";
    static final String SALES_CHANGELOG = "org/tessera/crm/sales/impl/db/changelog.xml";

    private TestDatabase database;
    private DataSource dataSource;
    private EmfTx tx;
    private EmfTx salesTx;
    private final TestCallerContext callers = new TestCallerContext();
    private final List<String> topics = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(70_000);
    private final SalesGate gate = new SalesGate();
    private ForecastSetupServiceImpl setup;
    private ForecastServiceImpl forecasts;
    private final Map<String, String> agents = Map.ofEntries(Map.entry("dir", "101"), Map.entry("mgr", "102"), Map.entry("rep", "103"),
            Map.entry("sib", "104"), Map.entry("solo", "105"), Map.entry("top", "111"), Map.entry("mid", "112"), Map.entry("low", "113"),
            Map.entry("heir", "114"), Map.entry("boss", "121"), Map.entry("rep2", "122"), Map.entry("peer", "123"), Map.entry("free", "124"),
            Map.entry("closer", "131"));

    protected abstract TestDatabase startDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        database.migrate("sales", SALES_CHANGELOG);
        assertEquals("forecasting-001-initial", database.migrate("forecasting", CHANGELOG));
        dataSource = database.dataSource();
        tx = new EmfTx(ForecastingUnit.NAME, dataSource);
        salesTx = new EmfTx("tessera-sales", dataSource);
        gate.bindSource(new SalesOpportunitySource(new OpportunityForecastReaderImpl(salesTx)));
        OrgService org = Stubs.keepingDefaults(OrgService.class, (name, args) -> switch (name) {
            case "findAgentByLogin" -> Optional.ofNullable(agents.get((String) args[0])).map(id -> agent(id, (String) args[0]));
            case "findAgent" -> agents.entrySet().stream().filter(e -> e.getValue().equals(args[0])).findFirst().map(e -> agent(e.getValue(), e.getKey()));
            case "findOrgUnit" -> Optional.empty();
            case "orgUnits" -> List.of();
            default -> null;
        });
        PositionDirectory directory = new PositionDirectory(org, callers, config("POSITIONS"));
        DomainEventPublisher events = TestEvents.observed(TestEvents.outbox(callers, tx), (topic, properties) -> topics.add(topic + " " + properties.get(ForecastingTopics.REVISION)));
        setup = new ForecastSetupServiceImpl(tx, directory, org, events, TestAudit.coreRecorder(callers));
        forecasts = new ForecastServiceImpl(tx, directory, gate, events, TestAudit.coreRecorder(callers));
    }

    @AfterAll
    void stop() throws Exception {
        if (tx != null) {
            tx.close();
            salesTx.close();
        }
        database.close();
    }

    @Test
    void aRepSubmitsTwiceTheManagerAdjustsTheDirectorRollsUpAndTheLockStopsEverything() throws Exception {
        int topicsBefore = topics.size(); // other tests of the class post too
        PositionDTO director = as(admin(), () -> setup.createPosition(position("Director of Field Sales", "101", null)));
        PositionDTO manager = as(admin(), () -> setup.createPosition(position("Division Manager", "102", director.id)));
        PositionDTO rep = as(admin(), () -> setup.createPosition(position("Field Sales Rep", "103", manager.id)));
        PositionDTO sibling = as(admin(), () -> setup.createPosition(position("Field Sales Rep, East", "104", manager.id)));
        PeriodGenerationDTO year = new PeriodGenerationDTO();
        year.fiscalYear = 2031;
        List<PeriodDTO> periods = as(admin(), () -> setup.generatePeriods(year));
        assertEquals(17, periods.size());
        assertEquals(17, as(admin(), () -> setup.generatePeriods(year)).size(), "generating again adds nothing");
        PeriodDTO q1 = periods.stream().filter(p -> p.name.equals("FY2031-Q1")).findFirst().orElseThrow();
        as(admin(), () -> setup.putQuota(quota(rep.id, q1.id, "1000")));
        as(admin(), () -> setup.putQuota(quota(manager.id, q1.id, "2500")));
        as(admin(), () -> setup.putQuota(quota(sibling.id, q1.id, "1200")));

        long proposal = deal(103, "PROPOSAL", "BEST_CASE", 70, "400", LocalDate.of(2031, 2, 1));
        deal(103, "NEGOTIATION", "COMMIT", 90, "300", LocalDate.of(2031, 3, 31));
        deal(103, "CLOSED_WON", "CLOSED", 100, "200", LocalDate.of(2031, 1, 1));
        deal(103, "NEGOTIATION", "COMMIT", 90, "99999", LocalDate.of(2031, 4, 1)); // next quarter
        deal(104, "NEGOTIATION", "COMMIT", 90, "1000", LocalDate.of(2031, 2, 2));

        ForecastDTO repView = as(user("rep"), () -> forecasts.forecast(query(null, q1.id)));
        assertEquals(rep.id, repView.position.id, "the caller's own position by default");
        assertAmount("300", line(repView.total, Category.COMMIT).forecastAmount);
        assertAmount("270", line(repView.total, Category.COMMIT).weightedAmount);
        assertAmount("0.2", repView.quotas.get(0).attainment);
        assertAmount("0.875", repView.quotas.get(0).coverage);

        // the owner adjusts, submits revision 1, a deal moves, revision 2 with its delta
        as(user("rep"), () -> forecasts.adjust(adjustment(rep.id, q1.id, Category.COMMIT, "350", "Gut feeling")));
        RevisionDTO first = as(user("rep"), () -> forecasts.submit(null, q1.id, null));
        assertEquals(1, first.revision);
        assertEquals(3, first.opportunities.size());
        assertAmount("350", line(first.total, Category.COMMIT).forecastAmount);
        execute("UPDATE sales_opportunity SET forecast_category = 'COMMIT', stage = 'NEGOTIATION', amount = 450 WHERE id = " + proposal);
        ForecastDTO changed = as(user("rep"), () -> forecasts.forecast(query(null, q1.id)));
        assertTrue(changed.changedSinceSubmit);
        assertEquals(1, changed.lastRevision);
        assertAmount("350", line(changed.total, Category.COMMIT).forecastAmount, "the adjustment survives recomputation");
        assertAmount("750", line(changed.total, Category.COMMIT).amount);
        RevisionDTO second = as(user("rep"), () -> forecasts.submit(null, q1.id, null));
        assertEquals(2, second.revision);
        assertEquals(1, second.deltas.size());
        assertEquals(Category.BEST_CASE, second.deltas.get(0).fromCategory);
        assertEquals(Category.COMMIT, second.deltas.get(0).toCategory);
        assertAmount("450", second.deltas.get(0).toAmount);
        List<RevisionDTO> revisions = as(user("mgr"), () -> forecasts.revisions(rep.id, q1.id));
        assertEquals(List.of(2, 1), revisions.stream().map(r -> r.revision).toList());
        assertEquals(List.of("org/tessera/crm/forecasting/forecast/SUBMITTED 1", "org/tessera/crm/forecasting/forecast/SUBMITTED 2"),
                topics.subList(topicsBefore, topics.size()));

        // the manager's adjustment counts upward and stays hidden from the rep
        as(user("mgr"), () -> forecasts.adjust(adjustment(rep.id, q1.id, Category.COMMIT, "500", "Known slip")));
        assertEquals(1, as(user("rep"), () -> forecasts.adjustments(rep.id, q1.id)).size());
        assertAmount("350", line(as(user("rep"), () -> forecasts.forecast(query(null, q1.id))).total, Category.COMMIT).forecastAmount);
        ForecastDTO managerView = as(user("mgr"), () -> forecasts.forecast(query(null, q1.id)));
        assertEquals("SUBMITTED", managerView.subordinates.get(0).source);
        assertEquals(2, managerView.subordinates.get(0).revision);
        assertEquals("LIVE", managerView.subordinates.get(1).source, "the sibling never submitted");
        assertAmount("1500", line(managerView.rollup, Category.COMMIT).forecastAmount);
        assertAmount("2200", managerView.quotas.get(0).subordinatesQuota);
        assertAmount("300", managerView.quotas.get(0).quotaGap);
        assertAmount("1500", line(as(user("dir"), () -> forecasts.forecast(query(null, q1.id))).total, Category.COMMIT).forecastAmount);
        ForecastDTO cumulative = as(user("dir"), () -> {
            ForecastQuery q = query(null, q1.id);
            q.cumulative = true;
            return forecasts.forecast(q);
        });
        assertAmount("1700", line(cumulative.total, Category.COMMIT).forecastAmount, "commit with closed");

        // a sibling's position does not exist for a rep; a rep cannot adjust upward
        assertThrows(NotFoundException.class, () -> as(user("sib"), () -> forecasts.forecast(query(rep.id, q1.id))));
        assertThrows(NotFoundException.class, () -> as(user("sib"), () -> setup.position(rep.id)));
        assertEquals(List.of(sibling.id), as(user("sib"), () -> setup.positions()).stream().map(p -> p.id).toList());
        assertEquals(4, as(user("dir"), () -> setup.positions()).size());
        assertThrows(NotFoundException.class, () -> as(user("rep"), () -> forecasts.adjust(
                adjustment(manager.id, q1.id, Category.COMMIT, "1", null))));
        assertThrows(ForbiddenException.class, () -> as(user("mgr"), () -> forecasts.submit(rep.id, q1.id, null)),
                "a forecast is submitted by its holder");

        // the lock closes the period
        as(admin(), () -> setup.lock(q1.id, null));
        assertThrows(ConflictException.class, () -> as(user("rep"), () -> forecasts.submit(null, q1.id, null)));
        assertThrows(ConflictException.class, () -> as(user("mgr"), () -> forecasts.adjust(
                adjustment(rep.id, q1.id, Category.COMMIT, "1", null))));
        assertThrows(ConflictException.class, () -> as(admin(), () -> setup.lock(q1.id, null)));
        assertTrue(topics.contains("org/tessera/crm/forecasting/forecast/LOCKED null"));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        ValidationException e = assertThrows(ValidationException.class, () -> as(user("rep"), () -> forecasts.adjust(
                adjustment("1", "x", null, "-5", "n".repeat(256)))));
        assertEquals(Set.of("periodId", "category", "amount", "note"), fields(e));
        QuotaDTO quota = quota(null, "1", "10");
        quota.currency = "EURO";
        assertEquals(Set.of("positionId", "currency"), fields(assertThrows(ValidationException.class, () -> as(admin(), () -> setup.putQuota(quota)))));
        assertEquals(Set.of("agentId", "name"), fields(assertThrows(ValidationException.class, () -> as(admin(), () -> setup.createPosition(new PositionDTO())))));
        assertEquals(Set.of("agentId"), fields(assertThrows(ValidationException.class, () -> as(admin(),
                () -> setup.createPosition(position("Ghost", "999999", null))))));
        ExchangeRateDTO rate = new ExchangeRateDTO();
        rate.fromCurrency = "USD";
        rate.toCurrency = "USD";
        rate.rate = BigDecimal.ZERO;
        assertEquals(Set.of("toCurrency", "rate", "validFrom"), fields(assertThrows(ValidationException.class, () -> as(admin(), () -> setup.putRate(rate)))));
    }

    @Test
    void withoutSalesForecastsSayTheyNeedItAndKeepTheirData() {
        var source = new SalesOpportunitySource(new OpportunityForecastReaderImpl(salesTx));
        gate.unbindSource(null);
        gate.bindSource(source);
        gate.unbindSource(source);
        try {
            assertFalse(gate.present());
            ModuleUnavailableException e = assertThrows(ModuleUnavailableException.class,
                    () -> as(admin(), () -> forecasts.forecast(query("1", "1"))));
            assertEquals("sales", e.module());
            assertTrue(as(admin(), () -> setup.positions()).size() >= 0, "the setup reads its own tables");
        } finally {
            gate.bindSource(source);
        }
    }

    @Test
    void aReportingCurrencyConvertsWithTheRateAtThePeriodsEndAndNamesTheMissingOnes() {
        PositionDTO solo = as(admin(), () -> setup.createPosition(position("Solo", "105", null)));
        PeriodGenerationDTO year = new PeriodGenerationDTO();
        year.fiscalYear = 2033;
        PeriodDTO q2 = as(admin(), () -> setup.generatePeriods(year)).stream().filter(p -> p.name.equals("FY2033-Q2")).findFirst().orElseThrow();
        long owner = Long.parseLong(solo.agentId);
        deal(owner, "NEGOTIATION", "COMMIT", 90, "100", LocalDate.of(2033, 4, 10));
        deal(owner, "NEGOTIATION", "COMMIT", 90, "200", LocalDate.of(2033, 5, 10), "USD");
        deal(owner, "NEGOTIATION", "COMMIT", 90, "300", LocalDate.of(2033, 5, 11), "JPY");
        ExchangeRateDTO usd = new ExchangeRateDTO();
        usd.fromCurrency = "usd";
        usd.toCurrency = "EUR";
        usd.rate = new BigDecimal("0.5");
        usd.validFrom = LocalDate.of(2033, 1, 1);
        as(admin(), () -> setup.putRate(usd));
        ForecastDTO converted = as(admin(), () -> {
            ForecastQuery q = query(solo.id, q2.id);
            q.currency = "EUR";
            return forecasts.forecast(q);
        });
        assertEquals(1, converted.total.size());
        assertAmount("200.00", line(converted.total, Category.COMMIT).forecastAmount);
        assertEquals(Set.of("JPY"), converted.missingRates);
    }

    @Test
    void aPositionChangesRefusingLoopsClashesAndStaleVersionsAndKeepsItsHistoryWithANewAgent() throws Exception {
        PositionDTO top = as(admin(), () -> setup.createPosition(position("Regional Director", "111", null)));
        PositionDTO middle = as(admin(), () -> setup.createPosition(position("Area Manager", "112", top.id)));
        PositionDTO low = as(admin(), () -> setup.createPosition(position("Account Executive", "113", middle.id)));
        PeriodDTO q1 = quarter(2035, 1);
        as(admin(), () -> setup.putQuota(quota(low.id, q1.id, "800")));
        deal(113, "NEGOTIATION", "COMMIT", 90, "300", LocalDate.of(2035, 2, 1));
        as(user("low"), () -> forecasts.adjust(adjustment(low.id, q1.id, Category.COMMIT, "280", "Own call")));
        assertEquals(1, as(user("low"), () -> forecasts.submit(null, q1.id, null)).revision);
        as(user("mid"), () -> forecasts.adjust(adjustment(low.id, q1.id, Category.COMMIT, "250", "Slips")));

        // renamed and moved right under the top; a stale version is refused before and after
        PositionDTO desired = position("Senior Account Executive", "113", top.id);
        assertThrows(StaleVersionException.class, () -> as(admin(), () -> setup.updatePosition(low.id, low.version + 1, desired)));
        PositionDTO moved = as(admin(), () -> setup.updatePosition(low.id, low.version, desired));
        assertEquals("Senior Account Executive", moved.name);
        assertEquals(top.id, moved.managerPositionId);
        assertEquals(1, moved.level);
        assertEquals(low.version + 1, moved.version);
        assertThrows(StaleVersionException.class, () -> as(admin(), () -> setup.updatePosition(low.id, low.version, desired)));
        assertEquals(List.of(middle.id), as(user("mid"), () -> setup.positions()).stream().map(p -> p.id).toList(),
                "the former manager no longer sees it");

        // a parent at or below the position would close a loop in the explicit tree: top → low → middle
        as(admin(), () -> setup.updatePosition(middle.id, middle.version, position("Area Manager", "112", low.id)));
        for (String parent : List.of(middle.id, low.id, top.id)) {
            ValidationException loop = assertThrows(ValidationException.class,
                    () -> as(admin(), () -> setup.updatePosition(top.id, null, position("Regional Director", "111", parent))));
            assertEquals(Set.of("parentId"), fields(loop), parent);
        }
        assertEquals(Set.of("parentId"), fields(assertThrows(ValidationException.class,
                () -> as(admin(), () -> setup.updatePosition(low.id, null, position("Senior Account Executive", "113", "999999"))))));
        assertEquals(Set.of("agentId", "name"), fields(assertThrows(ValidationException.class,
                () -> as(admin(), () -> setup.updatePosition(low.id, null, position(" ", null, top.id))))));
        assertThrows(NotFoundException.class, () -> as(admin(), () -> setup.updatePosition("999999", null, desired)));
        ConflictException clash = assertThrows(ConflictException.class,
                () -> as(admin(), () -> setup.updatePosition(low.id, null, position("Senior Account Executive", "112", top.id))));
        assertEquals("agentId", clash.field(), "the agent holds another position");

        // handed over to another agent: its revisions, adjustments and quota stay with the position
        PositionDTO handedOver = as(admin(), () -> setup.updatePosition(low.id, moved.version, position("Senior Account Executive", "114", top.id)));
        assertEquals("114", handedOver.agentId);
        assertThrows(NotFoundException.class, () -> as(user("low"), () -> setup.myPosition()), "the former holder holds none now");
        ForecastDTO heirView = as(user("heir"), () -> forecasts.forecast(query(null, q1.id)));
        assertEquals(low.id, heirView.position.id);
        assertEquals(1, heirView.lastRevision);
        assertAmount("800", heirView.quotas.get(0).quota);
        assertEquals(2, as(admin(), () -> forecasts.adjustments(low.id, q1.id)).size());
        assertEquals(2, as(user("heir"), () -> forecasts.submit(null, q1.id, null)).revision, "the new holder continues its revisions");
        assertEquals(List.of(2, 1), as(user("heir"), () -> forecasts.revisions(null, q1.id)).stream().map(r -> r.revision).toList());

        List<String> audit = auditOf("FORECAST_POSITION", low.id);
        assertTrue(audit.contains("UPDATE admin name Account Executive>Senior Account Executive"), audit.toString());
        assertTrue(audit.contains("UPDATE admin parentId " + middle.id + ">" + top.id), audit.toString());
        assertTrue(audit.contains("UPDATE admin agentId 113>114"), audit.toString());
    }

    @Test
    void aPositionIsDeletedOnlyWhenNothingRefersToIt() throws Exception {
        PositionDTO boss = as(admin(), () -> setup.createPosition(position("Sales Director", "121", null)));
        PositionDTO rep = as(admin(), () -> setup.createPosition(position("Inside Sales Rep", "122", boss.id)));
        PositionDTO peer = as(admin(), () -> setup.createPosition(position("Key Account Manager", "123", null)));
        PositionDTO free = as(admin(), () -> setup.createPosition(position("Vacant", "124", null)));
        PeriodDTO q1 = quarter(2036, 1);
        assertEquals(Map.of("FORECAST_POSITION", 1L), dependents(boss.id), "a position reports to it");
        as(admin(), () -> setup.putQuota(quota(peer.id, q1.id, "10")));
        assertEquals(Map.of("FORECAST_QUOTA", 1L), dependents(peer.id));
        as(user("rep2"), () -> forecasts.submit(null, q1.id, null));
        assertEquals(Map.of("FORECAST_REVISION", 1L), dependents(rep.id));
        as(user("boss"), () -> forecasts.adjust(adjustment(rep.id, q1.id, Category.COMMIT, "5", null)));
        assertEquals(Map.of("FORECAST_REVISION", 1L, "FORECAST_ADJUSTMENT", 1L), dependents(rep.id), "an adjustment it received");
        assertEquals(Map.of("FORECAST_POSITION", 1L, "FORECAST_ADJUSTMENT", 1L), dependents(boss.id), "an adjustment it made");
        assertEquals(rep.id, as(admin(), () -> setup.position(rep.id)).id, "a refused delete leaves it");

        assertThrows(StaleVersionException.class, () -> run(admin(), () -> setup.deletePosition(free.id, free.version + 1)));
        run(admin(), () -> setup.deletePosition(free.id, free.version));
        assertThrows(NotFoundException.class, () -> as(admin(), () -> setup.position(free.id)));
        assertThrows(NotFoundException.class, () -> run(admin(), () -> setup.deletePosition(free.id, null)));
        assertTrue(auditOf("FORECAST_POSITION", free.id).contains("DELETE admin name Vacant>null"), auditOf("FORECAST_POSITION", free.id).toString());
        assertEquals("124", as(admin(), () -> setup.createPosition(position("Vacant again", "124", null))).agentId, "its agent is free again");
    }

    @Test
    void anUnlockedPeriodTakesSubmitsAndAdjustmentsAgain() throws Exception {
        PositionDTO closer = as(admin(), () -> setup.createPosition(position("Closer", "131", null)));
        PeriodDTO q2 = quarter(2037, 2);
        ConflictException open = assertThrows(ConflictException.class, () -> as(admin(), () -> setup.unlock(q2.id, null)));
        assertEquals("status", open.field());
        PeriodDTO locked = as(admin(), () -> setup.lock(q2.id, q2.version));
        assertThrows(ConflictException.class, () -> as(user("closer"), () -> forecasts.submit(null, q2.id, null)));
        assertThrows(StaleVersionException.class, () -> as(admin(), () -> setup.unlock(q2.id, q2.version)));

        PeriodDTO reopened = as(admin(), () -> setup.unlock(q2.id, locked.version));
        assertEquals(PeriodStatus.OPEN, reopened.status);
        assertNull(reopened.lockedAt);
        assertNull(reopened.lockedBy);
        assertEquals(locked.version + 1, reopened.version);
        assertEquals(PeriodStatus.OPEN, as(user("closer"), () -> setup.period(q2.id)).status);
        assertTrue(topics.contains("org/tessera/crm/forecasting/forecast/UNLOCKED null"), topics.toString());
        assertEquals(1, as(user("closer"), () -> forecasts.submit(null, q2.id, null)).revision);
        as(user("closer"), () -> forecasts.adjust(adjustment(closer.id, q2.id, Category.COMMIT, "1", null)));
        assertEquals("status", assertThrows(ConflictException.class, () -> as(admin(), () -> setup.unlock(q2.id, null))).field(),
                "a second unlock");
        assertTrue(auditOf("FORECAST_PERIOD", q2.id).contains("UPDATE admin status CLOSED>OPEN"), auditOf("FORECAST_PERIOD", q2.id).toString());
    }

    private PeriodDTO quarter(int fiscalYear, int quarter) {
        PeriodGenerationDTO year = new PeriodGenerationDTO();
        year.fiscalYear = fiscalYear;
        return as(admin(), () -> setup.generatePeriods(year)).stream().filter(p -> p.name.equals("FY" + fiscalYear + "-Q" + quarter))
                .findFirst().orElseThrow();
    }

    /** What refuses the delete of a position, by type: the count of each. */
    private Map<String, Long> dependents(String positionId) {
        DependentRecordsException refused = assertThrows(DependentRecordsException.class,
                () -> run(admin(), () -> setup.deletePosition(positionId, null)));
        refused.dependents().forEach(d -> assertEquals("forecasting", d.module));
        return refused.dependents().stream().collect(java.util.stream.Collectors.toMap(d -> d.type, d -> d.count));
    }

    /** The audit trail of a record, oldest first: "ACTION login field old>new" per changed field. */
    private List<String> auditOf(String type, String id) throws SQLException {
        List<String> rows = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (AuditRecordDTO record : AuditChangeList.read(c, type, id)) {
                if (record.changes.isEmpty()) {
                    rows.add(record.action + " " + record.userId + " null null>null");
                }
                record.changes.forEach(change -> rows.add(record.action + " " + record.userId + " " + change.field + " "
                        + change.oldValue + ">" + change.newValue));
            }
        }
        return rows;
    }

    private Set<String> fields(ValidationException e) {
        return e.errors().stream().map(f -> f.field).collect(java.util.stream.Collectors.toSet());
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertAmount(expected, actual, null);
    }

    private static void assertAmount(String expected, BigDecimal actual, String message) {
        assertTrue(actual != null && new BigDecimal(expected).compareTo(actual) == 0, (message == null ? "" : message + ": ")
                + "expected " + expected + " but was " + actual);
    }

    private static ForecastLineDTO line(List<ForecastLineDTO> lines, Category category) {
        return lines.stream().filter(l -> l.category == category).findFirst().orElseThrow(() -> new AssertionError("no " + category + " in " + lines.size()));
    }

    private long deal(long owner, String stage, String category, int probability, String amount, LocalDate close) {
        return deal(owner, stage, category, probability, amount, close, "EUR");
    }

    private long deal(long owner, String stage, String category, int probability, String amount, LocalDate close, String currency) {
        long id = ids.incrementAndGet();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO sales_opportunity "
                + "(id, version, account_id, name, pipeline_id, stage, probability, forecast_category, status, amount, currency, "
                + "expected_close_date, owner_id, created_at, updated_at) VALUES (?, 1, 1, ?, 1, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setLong(1, id);
            insert.setString(2, "Deal " + id);
            insert.setString(3, stage);
            insert.setInt(4, probability);
            insert.setString(5, category);
            insert.setBigDecimal(6, new BigDecimal(amount));
            insert.setString(7, currency);
            insert.setObject(8, java.sql.Date.valueOf(close));
            insert.setLong(9, owner);
            insert.setTimestamp(10, now);
            insert.setTimestamp(11, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        resumForecastTotals();
        return id;
    }

    /** Deals written as rows are behind sales' forecast summary: summed again, as sales does at its start. */
    private void resumForecastTotals() {
        salesTx.required(ForecastTotals::rebuild);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); var statement = c.createStatement()) {
            statement.executeUpdate(sql);
        }
        resumForecastTotals();
    }

    private <T> T as(Caller caller, Supplier<T> work) {
        return callers.as(caller, work);
    }

    private void run(Caller caller, Runnable work) {
        callers.as(caller, () -> {
            work.run();
            return null;
        });
    }

    private static Caller admin() {
        return new Caller("admin", Set.of("admin"), Set.of(CorePermissions.ALL_RECORDS), null);
    }

    private static Caller user(String login) {
        return new Caller(login, Set.of("agent"), Set.of(), null);
    }

    private static AgentDTO agent(String id, String login) {
        AgentDTO a = new AgentDTO();
        a.id = id;
        a.login = login;
        return a;
    }

    private static PositionDTO position(String name, String agentId, String parentId) {
        PositionDTO p = new PositionDTO();
        p.name = name;
        p.agentId = agentId;
        p.parentId = parentId;
        return p;
    }

    private static QuotaDTO quota(String position, String period, String amount) {
        QuotaDTO q = new QuotaDTO();
        q.positionId = position;
        q.periodId = period;
        q.currency = "EUR";
        q.amount = new BigDecimal(amount);
        return q;
    }

    private static AdjustmentDTO adjustment(String position, String period, Category category, String amount, String note) {
        AdjustmentDTO a = new AdjustmentDTO();
        a.positionId = position;
        a.periodId = period;
        a.category = category;
        a.currency = "EUR";
        a.amount = new BigDecimal(amount);
        a.note = note;
        return a;
    }

    private static ForecastQuery query(String position, String period) {
        ForecastQuery q = new ForecastQuery();
        q.positionId = position;
        q.periodId = period;
        return q;
    }

    /** The configuration DS would pass, with the defaults of the annotation but for the hierarchy. */
    static ForecastingConfig config(String hierarchy) {
        return (ForecastingConfig) Proxy.newProxyInstance(ForecastingConfig.class.getClassLoader(), new Class<?>[] {ForecastingConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hierarchy" -> hierarchy;
                    case "annotationType" -> (Class<? extends Annotation>) ForecastingConfig.class;
                    default -> method.getDefaultValue();
                });
    }
}
