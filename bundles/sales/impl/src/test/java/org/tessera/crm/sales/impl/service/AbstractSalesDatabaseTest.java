package org.tessera.crm.sales.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.audit.AuditRecordDTO;
import org.tessera.crm.core.impl.audit.AuditChangeList;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.StaleVersionException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.audit.FieldChangeDTO;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineQuery;
import org.tessera.crm.core.testkit.EmfTx;
import org.tessera.crm.core.testkit.Stubs;
import org.tessera.crm.core.testkit.TestAudit;
import org.tessera.crm.core.testkit.TestEvents;
import org.tessera.crm.core.testkit.TestCallerContext;
import org.tessera.crm.core.testkit.TestDatabase;
import org.tessera.crm.sales.api.ForecastCategory;
import org.tessera.crm.sales.api.ForecastSliceQuery;
import org.tessera.crm.sales.api.ForecastTotalDTO;
import org.tessera.crm.sales.api.LeadDTO;
import org.tessera.crm.sales.api.LeadQuery;
import org.tessera.crm.sales.api.LeadStatus;
import org.tessera.crm.sales.api.LineItemDTO;
import org.tessera.crm.sales.api.OpportunityDTO;
import org.tessera.crm.sales.api.OpportunityQuery;
import org.tessera.crm.sales.api.PipelineSummaryQuery;
import org.tessera.crm.sales.api.PriceListDTO;
import org.tessera.crm.sales.api.PriceListEntryDTO;
import org.tessera.crm.sales.api.ProductDTO;
import org.tessera.crm.sales.api.QuoteDTO;
import org.tessera.crm.sales.api.QuoteStatus;
import org.tessera.crm.sales.api.StageSummaryDTO;
import org.tessera.crm.sales.impl.jpa.SalesUnit;

/**
 * The sales persistence against every supported database, outside OSGi, through the real unit
 * and changelog; the core services it calls are stand-ins (custom values pass; a party exists when
 * the test wrote it or named it, and only inside the caller's perimeter, as the core answers).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSalesDatabaseTest {
    /** The bundle's Tessera-Changelog. */
    static final String CHANGELOG = "org/tessera/crm/sales/impl/db/changelog.xml";

    private TestDatabase database;
    private DataSource dataSource;
    private EmfTx tx;
    private OpportunityServiceImpl opportunities;
    private ProductServiceImpl products;
    private QuoteServiceImpl quotes;
    private PipelineServiceImpl pipelines;
    private LeadServiceImpl leads;
    private SalesTimelineContributor timeline;
    private final AtomicLong activityIds = new AtomicLong(5000);
    private final TestCallerContext callers = new TestCallerContext();
    /** Makes a mutation fail right after its audit was written, as a later failure in its transaction would. */
    private volatile boolean failAfterAudit;
    /** Set, the transaction fails right after its event was written to the outbox. */
    private volatile boolean failAfterEvent;

    protected abstract TestDatabase startDatabase() throws Exception;

    /** The org unit of each party row the test wrote, and the perimeter of a restricted caller (null: unrestricted). */
    private final Map<String, String> partyUnits = new ConcurrentHashMap<>();
    private volatile Set<String> perimeter;
    /** The core's party service the leads write through; it obeys the perimeter. */
    private final InMemoryParties parties = new InMemoryParties(800_000, this::inPerimeter);
    private final List<String> createdActivities = new CopyOnWriteArrayList<>();
    private final List<String> deletedActivities = new CopyOnWriteArrayList<>();
    private SalesDependentRecords dependents;

    /** Whether the restricted caller's perimeter (if any) holds the party's org unit; a party without one is outside every perimeter. */
    private boolean inPerimeter(String partyId) {
        Set<String> units = perimeter;
        return units == null || units.contains(partyUnits.get(partyId));
    }

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        database.migrate("sales", CHANGELOG);
        dataSource = database.dataSource();
        tx = new EmfTx(SalesUnit.NAME, dataSource);
        // the core's reads obey the scope: a party outside the perimeter is not found
        AccountAccess access = new AccountAccess(Stubs.of(PartyService.class, (name, args) ->
                name.equals("find") ? (inPerimeter((String) args[0])
                        ? Optional.of(parties.parties.getOrDefault((String) args[0], party((String) args[0])))
                        : Optional.empty()) : null),
                Stubs.of(RecordScope.class, (name, args) -> switch (name) {
                    case "canAccessParty" -> inPerimeter((String) args[0]);
                    case "visibleOrgUnitIds" -> Optional.ofNullable(perimeter);
                    default -> null;
                }));
        CustomFieldService customFields = Stubs.of(CustomFieldService.class, (name, args) ->
                name.equals("normalize") ? args[1] : name.equals("isActiveValue") ? Boolean.TRUE : null);
        ValidationService validation = Stubs.of(ValidationService.class, (name, args) -> null);
        ActivityService activities = Stubs.of(ActivityService.class, (name, args) -> {
            if (name.equals("delete")) {
                deletedActivities.add((String) args[0]);
                return null;
            }
            ActivityDTO created = (ActivityDTO) args[0];
            created.id = String.valueOf(activityIds.incrementAndGet());
            createdActivities.add(created.id);
            return created;
        });
        DomainEventPublisher events = TestEvents.observed(TestEvents.outbox(callers, tx), (topic, properties) -> {
            if (failAfterEvent) {
                throw new IllegalStateException("the transaction fails after its event");
            }
        });
        AuditRecorder recorder = TestAudit.coreRecorder(callers);
        AuditRecorder audit = new AuditRecorder() {
            @Override
            public void record(Connection connection, String type, String id, AuditAction action, Object before,
                    Object after, Set<String> sensitive) {
                recorder.record(connection, type, id, action, before, after, sensitive);
                if (failAfterAudit) {
                    throw new IllegalStateException("failed after its audit");
                }
            }

            @Override
            public void recordChanges(Connection connection, String type, String id, AuditAction action,
                    List<FieldChangeDTO> changes) {
                recorder.recordChanges(connection, type, id, action, changes);
            }
        };
        opportunities = new OpportunityServiceImpl(tx, access, customFields, validation, events, audit);
        products = new ProductServiceImpl(tx, audit);
        quotes = new QuoteServiceImpl(tx, access, validation, events, audit);
        pipelines = new PipelineServiceImpl(tx, access, audit);
        leads = new LeadServiceImpl(tx, access, parties, activities, customFields,
                validation, opportunities, events, audit);
        timeline = new SalesTimelineContributor(tx);
        dependents = new SalesDependentRecords(tx);
    }

    @AfterAll
    void stop() throws Exception {
        if (tx != null) {
            tx.close();
        }
        database.close();
    }

    @Test
    void recordsOfAccountsOutsideTheCallersScopeDoNotExistForThem() {
        String account = partyInUnit("scope-a");
        String otherAccount = partyInUnit("scope-b");
        OpportunityDTO draft = new OpportunityDTO();
        draft.accountId = account;
        draft.name = "Hors périmètre";
        draft.currency = "EUR";
        draft.amount = new BigDecimal("1234.00");
        String id = opportunities.create(draft).id;
        OpportunityQuery query = new OpportunityQuery();
        query.accountId = account;
        assertEquals(1, opportunities.search(query).items.size());
        BigDecimal visibleTotal = pipelineTotal();

        OpportunityDTO other = new OpportunityDTO();
        other.accountId = otherAccount;
        other.name = "Dans le périmètre";
        String otherId = opportunities.create(other).id;

        perimeter = Set.of(partyUnits.get(otherAccount));
        try {
            assertEquals(List.of(), opportunities.search(query).items);
            assertThrows(NotFoundException.class, () -> opportunities.get(id));
            assertEquals(0, visibleTotal.subtract(new BigDecimal("1234.00")).compareTo(pipelineTotal()), "the summary leaves it out");
            // the scope is in the query: a page of one holds the visible record, and its cursor no hidden one
            OpportunityQuery firstOfAll = new OpportunityQuery();
            firstOfAll.limit = 1;
            Page<OpportunityDTO> page = opportunities.search(firstOfAll);
            assertEquals(List.of(otherId), page.items.stream().map(o -> o.id).toList());
            assertNull(page.nextCursor, "no hidden row follows");
        } finally {
            perimeter = null;
        }
    }

    @Test
    void opportunitiesAreListedByExpectedCloseDateAsThePipelineSummaryCountsThem() {
        String account = partyInUnit("close-dates");
        String march = opportunityClosing(account, LocalDate.of(2031, 3, 15));
        String april = opportunityClosing(account, LocalDate.of(2031, 4, 1));
        opportunityClosing(account, null);
        OpportunityQuery query = new OpportunityQuery();
        query.accountId = account;
        query.closeFrom = LocalDate.of(2031, 3, 15);
        assertEquals(List.of(march, april), opportunities.search(query).items.stream().map(o -> o.id).toList(),
                "from is inclusive; a deal without a close date is left out");
        query.closeTo = LocalDate.of(2031, 3, 31);
        assertEquals(List.of(march), opportunities.search(query).items.stream().map(o -> o.id).toList());

        PipelineSummaryQuery summary = new PipelineSummaryQuery();
        summary.closeFrom = query.closeFrom;
        summary.closeTo = query.closeTo;
        summary.currency = "EUR";
        long counted = pipelines.summary(summary).stages.stream().mapToLong(stage -> stage.count).sum();
        OpportunityQuery everyAccount = new OpportunityQuery();
        everyAccount.closeFrom = query.closeFrom;
        everyAccount.closeTo = query.closeTo;
        everyAccount.limit = 200;
        assertEquals(counted, opportunities.search(everyAccount).items.stream().filter(o -> "EUR".equals(o.currency)).count(),
                "the list and the summary filter alike");
    }

    @Test
    void forecastReadsGroupByOwnerCategoryAndCurrencyInTheDatabase() {
        String account = partyInUnit("forecast-reads");
        String owner = String.valueOf(9_100_000 + activityIds.incrementAndGet());
        String other = String.valueOf(9_200_000 + activityIds.incrementAndGet());
        forecastDeal(account, owner, "PROPOSAL", "CHF", "1000.00", LocalDate.of(2032, 2, 10));
        forecastDeal(account, owner, "VALUE_PROPOSITION", "CHF", "500.00", LocalDate.of(2032, 3, 31));
        forecastDeal(account, owner, "NEGOTIATION", "USD", "200.00", LocalDate.of(2032, 1, 1));
        forecastDeal(account, owner, "PROPOSAL", "CHF", "999.00", LocalDate.of(2032, 4, 1));   // after the slice
        forecastDeal(account, other, "PROPOSAL", "CHF", "777.00", LocalDate.of(2032, 2, 1));   // another owner
        OpportunityForecastReaderImpl reader = new OpportunityForecastReaderImpl(tx);
        ForecastSliceQuery slice = new ForecastSliceQuery();
        slice.ownerIds.add(owner);
        slice.ownerIds.add("not-an-id");
        slice.closeFrom = LocalDate.of(2032, 1, 1);
        slice.closeTo = LocalDate.of(2032, 3, 31);

        List<ForecastTotalDTO> totals = reader.totals(slice);
        assertEquals(2, totals.size(), "best case in CHF, commit in USD");
        ForecastTotalDTO bestCase = totals.stream().filter(t -> t.forecastCategory == ForecastCategory.BEST_CASE).findFirst().orElseThrow();
        assertEquals(2, bestCase.count);
        assertEquals(0, new BigDecimal("1500.00").compareTo(bestCase.amount));
        assertEquals(0, new BigDecimal("950.00").compareTo(bestCase.weightedAmount), "1000 × 70 % + 500 × 50 %");
        assertEquals(owner, bestCase.ownerId);
        assertEquals(3, reader.opportunities(slice).size());
        assertEquals(3, reader.changesSince(slice, Instant.now().minusSeconds(3600)).size(), "one history entry per created deal");
        assertEquals(0, reader.changesSince(slice, Instant.now().plusSeconds(60)).size());
        slice.ownerIds.clear();
        assertEquals(List.of(), reader.totals(slice));
        // (CHF and USD: the pipeline summary tests count EUR deals of every account)
    }

    @Test
    void theForecastSummaryFollowsEveryDealWriteAndSumsAsTheDealsDo() {
        String account = partyInUnit("forecast-summary");
        String owner = String.valueOf(9_300_000 + activityIds.incrementAndGet());
        String other = String.valueOf(9_400_000 + activityIds.incrementAndGet());
        OpportunityDTO moved = forecastDeal(account, owner, "PROPOSAL", "CHF", "1000.00", LocalDate.of(2034, 2, 10));
        OpportunityDTO deleted = forecastDeal(account, owner, "NEGOTIATION", "USD", "200.00", LocalDate.of(2034, 1, 31));
        forecastDeal(account, owner, "VALUE_PROPOSITION", "CHF", "500.50", LocalDate.of(2034, 3, 1));
        OpportunityDTO reassigned = forecastDeal(account, owner, "PROPOSAL", "CHF", "300.00", LocalDate.of(2034, 2, 28));
        // the stage (so its category), the amount and the month change; a no-op update changes nothing
        moved.stage = "NEGOTIATION";
        moved.amount = new BigDecimal("1200.00");
        moved.expectedCloseDate = LocalDate.of(2034, 3, 15);
        moved = opportunities.update(moved.id, moved.version, moved);
        opportunities.update(moved.id, moved.version, moved);
        reassigned.ownerId = other;
        opportunities.update(reassigned.id, reassigned.version, reassigned);
        opportunities.delete(deleted.id, deleted.version);

        OpportunityForecastReaderImpl reader = new OpportunityForecastReaderImpl(tx);
        ForecastSliceQuery quarter = slice(LocalDate.of(2034, 1, 1), LocalDate.of(2034, 3, 31), owner, other);
        ForecastSliceQuery february = slice(LocalDate.of(2034, 2, 1), LocalDate.of(2034, 2, 28), owner, other);
        assertTrue(OpportunityForecastReaderImpl.wholeMonths(quarter));
        for (ForecastSliceQuery whole : List.of(quarter, february)) {
            // the same slice one day short is read from the deals themselves
            ForecastSliceQuery fromDeals = slice(whole.closeFrom.minusDays(1), whole.closeTo, owner, other);
            assertFalse(OpportunityForecastReaderImpl.wholeMonths(fromDeals));
            assertEquals(sorted(reader.totals(fromDeals)), sorted(reader.totals(whole)), "the summary sums as the deals do");
        }
        List<String> totals = sorted(reader.totals(quarter));
        assertEquals(List.of(owner + " BEST_CASE CHF 1 500.50 250.25", owner + " COMMIT CHF 1 1200.00 1080.00",
                other + " BEST_CASE CHF 1 300.00 210.00"), totals, "moved, kept, reassigned; the deleted USD deal is gone");
        assertTrue(tx.required(ForecastTotals::matchesDeals));
    }

    @Test
    void theForecastSummaryIsSummedAgainFromDealsWrittenBehindTheModulesBack() throws SQLException {
        String account = partyInUnit("forecast-rebuild");
        String owner = String.valueOf(9_500_000 + activityIds.incrementAndGet());
        OpportunityDTO deal = forecastDeal(account, owner, "PROPOSAL", "EUR", "100.00", LocalDate.of(2035, 5, 5));
        try (Connection c = dataSource.getConnection(); var statement = c.createStatement()) {
            statement.executeUpdate("INSERT INTO sales_opportunity (id, version, account_id, name, pipeline_id, stage, probability, "
                    + "forecast_category, status, amount, currency, expected_close_date, owner_id, created_at, updated_at) "
                    + "SELECT id + 1000000, version, account_id, name, pipeline_id, stage, probability, forecast_category, status, "
                    + "amount, currency, expected_close_date, owner_id, created_at, updated_at FROM sales_opportunity WHERE id = " + deal.id);
        }
        ForecastSliceQuery may = slice(LocalDate.of(2035, 5, 1), LocalDate.of(2035, 5, 31), owner);
        OpportunityForecastReaderImpl reader = new OpportunityForecastReaderImpl(tx);
        assertEquals(List.of(owner + " BEST_CASE EUR 1 100.00 70.00"), sorted(reader.totals(may)), "behind: the SQL row is not counted");
        assertFalse(tx.required(ForecastTotals::matchesDeals));

        assertTrue(tx.required(ForecastTotalsCheck::rebuildIfBehind));
        assertEquals(List.of(owner + " BEST_CASE EUR 2 200.00 140.00"), sorted(reader.totals(may)));
        assertFalse(tx.required(ForecastTotalsCheck::rebuildIfBehind), "in step: nothing to do");
        try (Connection c = dataSource.getConnection(); var statement = c.createStatement()) {
            statement.executeUpdate("DELETE FROM sales_opportunity WHERE id = " + (Long.parseLong(deal.id) + 1_000_000));
        }
        assertTrue(tx.required(ForecastTotalsCheck::rebuildIfBehind));
    }

    @Test
    void concurrentFirstDealsOfOneOwnersMonthAllCount() throws Exception {
        String account = partyInUnit("forecast-race");
        String owner = String.valueOf(9_600_000 + activityIds.incrementAndGet());
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<OpportunityDTO>> created = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                created.add(pool.submit(() -> {
                    start.await();
                    return forecastDeal(account, owner, "PROPOSAL", "EUR", "10.00", LocalDate.of(2036, 7, 7));
                }));
            }
            start.countDown();
            for (Future<OpportunityDTO> f : created) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        ForecastSliceQuery july = slice(LocalDate.of(2036, 7, 1), LocalDate.of(2036, 7, 31), owner);
        assertEquals(List.of(owner + " BEST_CASE EUR 8 80.00 56.00"), sorted(new OpportunityForecastReaderImpl(tx).totals(july)));
    }

    private static ForecastSliceQuery slice(LocalDate from, LocalDate to, String... owners) {
        ForecastSliceQuery slice = new ForecastSliceQuery();
        slice.ownerIds.addAll(List.of(owners));
        slice.closeFrom = from;
        slice.closeTo = to;
        return slice;
    }

    private static List<String> sorted(List<ForecastTotalDTO> totals) {
        return totals.stream().map(t -> t.ownerId + " " + t.forecastCategory + " " + t.currency + " " + t.count + " "
                + t.amount.setScale(2) + " " + t.weightedAmount.setScale(2)).sorted().toList();
    }

    private OpportunityDTO forecastDeal(String account, String owner, String stage, String currency, String amount, LocalDate close) {
        OpportunityDTO draft = new OpportunityDTO();
        draft.accountId = account;
        draft.name = "Forecast " + stage;
        draft.ownerId = owner;
        draft.stage = stage;
        draft.currency = currency;
        draft.amount = new BigDecimal(amount);
        draft.expectedCloseDate = close;
        return opportunities.create(draft);
    }

    private String opportunityClosing(String account, LocalDate expectedCloseDate) {
        OpportunityDTO draft = new OpportunityDTO();
        draft.accountId = account;
        draft.name = "Closing " + expectedCloseDate;
        draft.currency = "EUR";
        draft.amount = new BigDecimal("100.00");
        draft.expectedCloseDate = expectedCloseDate;
        return opportunities.create(draft).id;
    }

    private BigDecimal pipelineTotal() {
        PipelineSummaryQuery query = new PipelineSummaryQuery();
        query.currency = "EUR";
        return pipelines.summary(query).stages.stream().map(stage -> stage.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void migrationsAreIdempotentAndShipTheDefaultPipeline() {
        assertEquals("005-forecast-totals", database.migrate("sales", CHANGELOG));
        assertEquals(8, pipelines.defaultPipeline().stages.size());
        assertEquals("PROSPECTING", pipelines.defaultPipeline().stages.get(0).code);
    }

    @Test
    void opportunityWithPricedLinesKeepsItsHistoryAndFeedsThePipeline() {
        String account = "7" + activityIds.incrementAndGet();
        ProductDTO product = new ProductDTO();
        product.code = "P-" + account;
        product.name = "Cave";
        String productId = products.createProduct(product).id;
        assertThrows(ConflictException.class, () -> products.createProduct(product));
        PriceListDTO list = new PriceListDTO();
        list.name = "Tarif";
        list.currency = "EUR";
        PriceListEntryDTO entry = new PriceListEntryDTO();
        entry.productId = productId;
        entry.unitPrice = new BigDecimal("100.005");
        list.entries.add(entry);
        String priceListId = products.createPriceList(list).id;

        OpportunityDTO draft = new OpportunityDTO();
        draft.accountId = account;
        draft.name = "Deal";
        draft.currency = "EUR";
        draft.priceListId = priceListId;
        draft.expectedCloseDate = LocalDate.of(2027, 6, 30);
        LineItemDTO line = new LineItemDTO();
        line.productId = productId;
        line.quantity = new BigDecimal("3");
        draft.lineItems.add(line);
        OpportunityDTO created = opportunities.create(draft);
        assertEquals(new BigDecimal("300.02"), created.amount);
        assertEquals(10, created.probability);
        assertEquals(new BigDecimal("100.005"), created.lineItems.get(0).unitPrice);

        created.stage = "NEGOTIATION";
        OpportunityDTO moved = opportunities.update(created.id, created.version, created);
        assertEquals(90, moved.probability);
        assertThrows(StaleVersionException.class, () -> opportunities.update(created.id, created.version, created));
        moved.name = "Renamed";
        opportunities.update(moved.id, moved.version, moved);
        assertEquals(List.of("PROSPECTING", "NEGOTIATION"), opportunities.history(created.id).stream().map(h -> h.stage).toList());

        OpportunityQuery query = new OpportunityQuery();
        query.accountId = account;
        query.limit = 1;
        Page<OpportunityDTO> page = opportunities.search(query);
        assertEquals(1, page.items.size());
        assertNull(page.nextCursor);

        PipelineSummaryQuery summaryQuery = new PipelineSummaryQuery();
        summaryQuery.currency = "EUR";
        summaryQuery.closeFrom = LocalDate.of(2027, 6, 30);
        summaryQuery.closeTo = LocalDate.of(2027, 6, 30);
        StageSummaryDTO negotiation = pipelines.summary(summaryQuery).stages.stream()
                .filter(s -> s.stage.equals("NEGOTIATION")).findFirst().orElseThrow();
        assertTrue(negotiation.count >= 1);

        QuoteDTO quoteDraft = new QuoteDTO();
        quoteDraft.opportunityId = created.id;
        quoteDraft.taxRate = new BigDecimal("20");
        QuoteDTO quote = quotes.create(quoteDraft);
        assertTrue(quote.number.startsWith("Q-"));
        assertEquals(new BigDecimal("360.02"), quote.grandTotal);
        assertThrows(ConflictException.class, () -> {
            quote.status = QuoteStatus.APPROVED;
            quotes.update(quote.id, null, quote);
        });
        quote.status = QuoteStatus.IN_REVIEW;
        assertEquals(QuoteStatus.IN_REVIEW, quotes.update(quote.id, null, quote).status);

        List<TimelineEntryDTO> entries = timeline.entries(timelineQuery(account));
        assertEquals(List.of("sales:opportunity:" + created.id), entries.stream().map(e -> e.id).toList());
    }

    @Test
    void pipelinesAreConfigurableButKeepTheStagesDealsAreIn() {
        org.tessera.crm.sales.api.PipelineDTO draft = new org.tessera.crm.sales.api.PipelineDTO();
        draft.name = "Renewals";
        draft.stages.add(stage("OPEN", 10, 40, false, false));
        draft.stages.add(stage("RENEWED", 20, 100, true, true));
        org.tessera.crm.sales.api.PipelineDTO renewals = pipelines.create(draft);
        OpportunityDTO deal = new OpportunityDTO();
        deal.accountId = "9" + activityIds.incrementAndGet();
        deal.name = "Renewal";
        deal.pipelineId = renewals.id;
        OpportunityDTO created = opportunities.create(deal);
        assertEquals("OPEN", created.stage);
        assertEquals(40, created.probability);

        renewals.stages.remove(0);
        assertThrows(ConflictException.class, () -> pipelines.update(renewals.id, renewals.version, renewals));
        renewals.stages.add(0, stage("OPEN", 10, 50, false, false));
        renewals.name = "Renouvellements";
        assertEquals("Renouvellements", pipelines.update(renewals.id, renewals.version, renewals).name);
    }

    private static org.tessera.crm.sales.api.StageDTO stage(String code, int order, int probability, boolean closed, boolean won) {
        org.tessera.crm.sales.api.StageDTO s = new org.tessera.crm.sales.api.StageDTO();
        s.code = code;
        s.name = code;
        s.sortOrder = order;
        s.probability = probability;
        s.forecastCategory = closed ? org.tessera.crm.sales.api.ForecastCategory.CLOSED : org.tessera.crm.sales.api.ForecastCategory.PIPELINE;
        s.closed = closed;
        s.won = won;
        return s;
    }

    @Test
    void leadsOnAnExistingPartyArePlannedAndSearchable() {
        String partyId = "8" + activityIds.incrementAndGet();
        LeadDTO draft = new LeadDTO();
        draft.partyId = partyId;
        draft.source = "FAIR";
        draft.nextAction = org.tessera.crm.sales.api.NextAction.CALL;
        draft.nextActionAt = java.time.Instant.parse("2027-01-05T10:00:00Z");
        LeadDTO lead = leads.create(draft);
        assertEquals(LeadStatus.NEW, lead.status);
        assertNotNull(lead.nextActivityId);
        LeadQuery query = new LeadQuery();
        query.partyId = partyId;
        assertEquals(List.of(lead.id), leads.search(query).items.stream().map(l -> l.id).toList());
        lead.status = LeadStatus.DISQUALIFIED;
        ValidationException noReason = assertThrows(ValidationException.class, () -> leads.update(lead.id, null, lead));
        assertEquals("disqualifiedReason", noReason.errors().get(0).field);
        assertEquals(List.of("sales:lead:" + lead.id), timeline.entries(timelineQuery(partyId)).stream().map(e -> e.id).toList());
    }

    @Test
    void opportunityMutationsAreAuditedInTheirOwnTransaction() throws SQLException {
        OpportunityDTO draft = new OpportunityDTO();
        draft.accountId = "6" + activityIds.incrementAndGet();
        draft.name = "Audited";
        draft.currency = "EUR";
        draft.amount = new BigDecimal("500.00");
        String id;
        callers.bind(new Caller("seller", Set.of("sales"), Set.of(), null));
        try {
            OpportunityDTO created = opportunities.create(draft);
            id = created.id;
            created.name = "Audited deal";
            created.stage = "NEGOTIATION";
            OpportunityDTO patched = opportunities.update(id, created.version, created);
            OpportunityDTO same = opportunities.update(id, patched.version, patched); // changes nothing: no record
            same.name = "Never written";
            failAfterAudit = true;
            assertThrows(IllegalStateException.class, () -> opportunities.update(id, same.version, same));
            failAfterAudit = false;
            failAfterEvent = true;
            assertThrows(IllegalStateException.class, () -> opportunities.update(id, same.version, same));
            failAfterEvent = false;
            assertEquals("Audited deal", opportunities.get(id).name);
            opportunities.delete(id, same.version);
        } finally {
            failAfterAudit = false;
            failAfterEvent = false;
            callers.unbind();
        }
        assertEquals(List.of("opportunity/CREATED", "opportunity/STAGE_CHANGED", "opportunity/UPDATED", "opportunity/STAGE_CHANGED",
                "opportunity/DELETED"), outboxOf("OPPORTUNITY", id),
                "one event per committed change, in its transaction: none for the write that changed nothing, none for the failed ones");

        Map<String, Map<String, String>> audit = auditOf("OPPORTUNITY", id);
        assertEquals(List.of("CREATE seller", "UPDATE seller", "DELETE seller"), List.copyOf(audit.keySet()),
                "the failed update took its audit record with it");
        assertEquals("null>Audited", audit.get("CREATE seller").get("name"));
        assertEquals("null>PROSPECTING", audit.get("CREATE seller").get("stage"));
        assertEquals(Map.of("name", "Audited>Audited deal", "stage", "PROSPECTING>NEGOTIATION", "probability", "10>90",
                "forecastCategory", "PIPELINE>COMMIT", "expectedRevenue", "50.00>450.00"), audit.get("UPDATE seller"));
        assertEquals("Audited deal>null", audit.get("DELETE seller").get("name"));
        assertFalse(audit.get("DELETE seller").containsKey("version"), "bookkeeping fields are left out");
    }

    @Test
    void leadsQuotesAndDealsOfAnAccountOutsideTheCallersScopeAreNeitherListedNorReadNorWritten() {
        String account = partyInUnit("lead-a");
        String ownAccount = partyInUnit("lead-b");
        LeadDTO leadDraft = new LeadDTO();
        leadDraft.partyId = account;
        leadDraft.source = "WEB";
        LeadDTO lead = leads.create(leadDraft);
        OpportunityDTO dealDraft = new OpportunityDTO();
        dealDraft.accountId = account;
        dealDraft.name = "Hors périmètre";
        dealDraft.currency = "EUR";
        OpportunityDTO deal = opportunities.create(dealDraft);
        QuoteDTO quoteDraft = new QuoteDTO();
        quoteDraft.opportunityId = deal.id;
        QuoteDTO quote = quotes.create(quoteDraft);

        perimeter = Set.of(partyUnits.get(ownAccount));
        try {
            LeadQuery byParty = new LeadQuery();
            byParty.partyId = account;
            assertEquals(List.of(), leads.search(byParty).items, "not listed by party");
            assertFalse(leads.search(new LeadQuery()).items.stream().anyMatch(l -> l.id.equals(lead.id)), "nor in the whole list");
            assertThrows(NotFoundException.class, () -> leads.get(lead.id));
            lead.source = "PHONE";
            assertThrows(NotFoundException.class, () -> leads.update(lead.id, lead.version, lead));
            org.tessera.crm.sales.api.LeadOutcomeDTO outcome = new org.tessera.crm.sales.api.LeadOutcomeDTO();
            outcome.outcome = "NO_ANSWER";
            assertThrows(NotFoundException.class, () -> leads.recordOutcome(lead.id, outcome));
            assertThrows(NotFoundException.class, () -> leads.convert(lead.id, new org.tessera.crm.sales.api.LeadConversionDTO()));
            ValidationException foreignParty = assertThrows(ValidationException.class, () -> leads.create(leadDraft),
                    "no lead on a party the caller cannot see");
            assertEquals("partyId", foreignParty.errors().get(0).field);

            assertEquals(List.of(), quotes.search(null, null, 50, null).items.stream().filter(q -> q.id.equals(quote.id)).toList());
            assertEquals(List.of(), quotes.search(deal.id, null, 50, null).items);
            assertThrows(NotFoundException.class, () -> quotes.get(quote.id));
            quote.name = "Changed";
            assertThrows(NotFoundException.class, () -> quotes.update(quote.id, quote.version, quote));
            assertThrows(RuntimeException.class, () -> quotes.create(quoteDraft), "no quote on a deal the caller cannot see");
            deal.name = "Changed";
            assertThrows(NotFoundException.class, () -> opportunities.update(deal.id, deal.version, deal));
            assertThrows(NotFoundException.class, () -> opportunities.delete(deal.id, null));
        } finally {
            perimeter = null;
        }
        assertEquals("WEB", leads.get(lead.id).source, "the refused writes changed nothing");
        assertNull(leads.get(lead.id).lastOutcome);
        assertEquals("Hors périmètre", opportunities.get(deal.id).name);
        assertEquals(1, quotes.search(deal.id, null, 50, null).items.size());
    }

    @Test
    void concurrentConversionsOfOneLeadMakeOneAccountAndOneDeal() throws Exception {
        String company = "Cave " + activityIds.incrementAndGet();
        LeadDTO lead = qualifiedLead("Jeanne", "Fontaine", company);
        int attempts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<org.tessera.crm.sales.api.LeadConversionDTO>> results = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return leads.convert(lead.id, conversion("EUR"));
                }));
            }
            start.countDown();
            Set<String> deals = new HashSet<>();
            int refused = 0;
            for (Future<org.tessera.crm.sales.api.LeadConversionDTO> result : results) {
                try {
                    deals.add(result.get(60, TimeUnit.SECONDS).opportunityId);
                } catch (ExecutionException e) {
                    assertTrue(e.getCause() instanceof ConflictException, "a concurrent conversion is a 409, not " + e.getCause());
                    refused++;
                }
            }
            assertEquals(1, deals.size(), "every conversion that answered names the same deal");
            assertTrue(refused < attempts);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, parties.organizationsNamed(company).size(), "one account");
        OpportunityQuery ofAccount = new OpportunityQuery();
        ofAccount.accountId = parties.organizationsNamed(company).get(0).id;
        assertEquals(1, opportunities.search(ofAccount).items.size(), "one deal");
        LeadDTO converted = leads.get(lead.id);
        assertEquals(LeadStatus.CONVERTED, converted.status);
        assertEquals(converted.convertedOpportunityId, leads.convert(lead.id, conversion("EUR")).opportunityId,
                "a retry after success answers the same conversion");
        assertEquals(1, opportunities.search(ofAccount).items.size());
    }

    @Test
    void aConversionFailingLateUndoesItsAccountAndCustomerAndCanBeRetried() {
        String company = "Brasserie " + activityIds.incrementAndGet();
        LeadDTO lead = qualifiedLead("Marc", "Aubry", company);
        ValidationException badCurrency = assertThrows(ValidationException.class, () -> leads.convert(lead.id, conversion("EURO")),
                "the deal is refused after the account was made");
        assertEquals("currency", badCurrency.errors().get(0).field);
        assertEquals(List.of(), parties.organizationsNamed(company), "the account it created is gone");
        assertEquals(Set.of("PROSPECT"), parties.get(lead.partyId).classifications, "the contact is a prospect again");
        assertEquals(LeadStatus.QUALIFIED, leads.get(lead.id).status);

        org.tessera.crm.sales.api.LeadConversionDTO done = leads.convert(lead.id, conversion("EUR"));
        assertEquals(1, parties.organizationsNamed(company).size(), "the retry is not refused by a stale claim");
        assertEquals(parties.organizationsNamed(company).get(0).id, done.accountId);
        assertNotNull(done.opportunityId);
    }

    @Test
    void aLeadWhoseWriteFailsLeavesNoProspectAndAnOutcomeNoActivity() {
        String lastName = "Orphan" + activityIds.incrementAndGet();
        LeadDTO draft = new LeadDTO();
        draft.lastName = lastName;
        failAfterAudit = true;
        try {
            assertThrows(IllegalStateException.class, () -> leads.create(draft));
        } finally {
            failAfterAudit = false;
        }
        assertTrue(parties.parties.values().stream().noneMatch(p -> lastName.equals(p.lastName)), "its prospect was deleted again");
        assertFalse(parties.deleted.isEmpty());

        LeadDTO planned = new LeadDTO();
        planned.lastName = lastName;
        planned.nextAction = org.tessera.crm.sales.api.NextAction.CALL;
        planned.nextActionAt = Instant.parse("2027-03-01T09:00:00Z");
        int partiesBefore = parties.parties.size();
        failAfterAudit = true;
        try {
            // the lead's insert fails first: the prospect goes again, and no activity is planned
            assertThrows(IllegalStateException.class, () -> leads.create(planned));
        } finally {
            failAfterAudit = false;
        }
        assertEquals(partiesBefore, parties.parties.size());

        LeadDTO lead = leads.create(draft);
        int activitiesBefore = createdActivities.size();
        org.tessera.crm.sales.api.LeadOutcomeDTO outcome = new org.tessera.crm.sales.api.LeadOutcomeDTO();
        outcome.outcome = "NO_ANSWER";
        failAfterAudit = true;
        try {
            assertThrows(IllegalStateException.class, () -> leads.recordOutcome(lead.id, outcome));
        } finally {
            failAfterAudit = false;
        }
        String attempt = createdActivities.get(activitiesBefore);
        assertTrue(deletedActivities.contains(attempt), "the call's activity was deleted again");
        assertNull(leads.get(lead.id).lastOutcome);
    }

    @Test
    void aPartyWithSalesRecordsAndADealWithQuotesAreNotDeleted() {
        String account = "5" + activityIds.incrementAndGet();
        LeadDTO leadDraft = new LeadDTO();
        leadDraft.partyId = account;
        String leadId = leads.create(leadDraft).id;
        OpportunityDTO dealDraft = new OpportunityDTO();
        dealDraft.accountId = account;
        dealDraft.name = "With quote";
        dealDraft.currency = "EUR";
        OpportunityDTO deal = opportunities.create(dealDraft);
        QuoteDTO quoteDraft = new QuoteDTO();
        quoteDraft.opportunityId = deal.id;
        String quoteId = quotes.create(quoteDraft).id;

        Map<String, org.tessera.crm.core.api.DependentRecordsDTO> byType = new LinkedHashMap<>();
        dependents.dependentsOf("PARTY", account).forEach(d -> byType.put(d.type, d));
        assertEquals(List.of("LEAD", "OPPORTUNITY", "QUOTE"), List.copyOf(byType.keySet()));
        assertEquals(List.of(leadId), byType.get("LEAD").ids);
        assertEquals(List.of(deal.id), byType.get("OPPORTUNITY").ids);
        assertEquals(1, byType.get("QUOTE").count);
        assertEquals("sales", byType.get("QUOTE").module);
        assertEquals(List.of(), dependents.dependentsOf("PARTY", "4" + activityIds.incrementAndGet()));
        assertEquals(List.of(), dependents.dependentsOf("ACTIVITY", account), "only parties are referred to");

        assertThrows(StaleVersionException.class, () -> opportunities.delete(deal.id, deal.version + 1), "a stale If-Match");
        org.tessera.crm.core.api.DependentRecordsException refused = assertThrows(
                org.tessera.crm.core.api.DependentRecordsException.class, () -> opportunities.delete(deal.id, deal.version));
        assertEquals(List.of(quoteId), refused.dependents().get(0).ids);
        assertNotNull(opportunities.get(deal.id), "the deal and its quote stay");

        assertThrows(StaleVersionException.class, () -> quotes.delete(quoteId, 99L));
        assertThrows(StaleVersionException.class, () -> leads.delete(leadId, 99L));
        quotes.delete(quoteId, null);
        opportunities.delete(deal.id, null);
        leads.delete(leadId, leads.get(leadId).version);
        assertThrows(NotFoundException.class, () -> leads.get(leadId));
        assertEquals(List.of(), dependents.dependentsOf("PARTY", account), "once they are gone, the party may go");
    }

    private LeadDTO qualifiedLead(String first, String last, String company) {
        LeadDTO draft = new LeadDTO();
        draft.firstName = first;
        draft.lastName = last;
        draft.companyName = company;
        draft.status = LeadStatus.QUALIFIED;
        LeadDTO lead = leads.create(draft);
        assertEquals(LeadStatus.QUALIFIED, lead.status);
        return lead;
    }

    private static org.tessera.crm.sales.api.LeadConversionDTO conversion(String currency) {
        org.tessera.crm.sales.api.LeadConversionDTO request = new org.tessera.crm.sales.api.LeadConversionDTO();
        request.createOpportunity = true;
        request.currency = currency;
        request.amount = new BigDecimal("1500.00");
        return request;
    }

    @Test
    void productUpdatesAreAuditedAsSystemWorkWithoutACaller() throws SQLException {
        ProductDTO draft = new ProductDTO();
        draft.code = "AUD-" + activityIds.incrementAndGet();
        draft.name = "Barrel";
        ProductDTO product = products.createProduct(draft);
        product.name = "Oak barrel";
        products.updateProduct(product.id, product.version, product);
        Map<String, Map<String, String>> audit = auditOf("PRODUCT", product.id);
        assertEquals(List.of("CREATE system", "UPDATE system"), List.copyOf(audit.keySet()));
        assertEquals(Map.of("name", "Barrel>Oak barrel"), audit.get("UPDATE system"));
    }

    /** The audit records of a record, oldest first, keyed "ACTION login", each with its changes "old>new" by field. */
    /** The topics the outbox holds for the record, in the order they were written, without their prefix. */
    private List<String> outboxOf(String type, String id) throws SQLException {
        List<String> topics = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT topic FROM event_outbox WHERE entity_type = ? AND record_id = ? ORDER BY id")) {
            query.setString(1, type);
            query.setString(2, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    topics.add(rows.getString(1).replace("org/tessera/crm/sales/", ""));
                }
            }
        }
        return topics;
    }

    private Map<String, Map<String, String>> auditOf(String type, String id) throws SQLException {
        Map<String, Map<String, String>> records = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (AuditRecordDTO record : AuditChangeList.read(connection, type, id)) {
                Map<String, String> changes = records.computeIfAbsent(record.action + " " + record.userId, k -> new LinkedHashMap<>());
                record.changes.forEach(change -> changes.put(change.field, change.oldValue + ">" + change.newValue));
            }
        }
        return records;
    }

    private static TimelineQuery timelineQuery(String partyId) {
        TimelineQuery query = new TimelineQuery();
        query.partyId = partyId;
        return query;
    }

    /** A party row of the core's table in a new org unit: what record scope filters on. */
    private String partyInUnit(String code) {
        long unit = 900_000 + activityIds.incrementAndGet();
        long party = 900_000 + activityIds.incrementAndGet();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insertUnit = connection.prepareStatement(
                        "INSERT INTO org_unit (id, version, code, name) VALUES (?, 1, ?, ?)");
                PreparedStatement insertParty = connection.prepareStatement("INSERT INTO party (id, version, party_type, status,"
                        + " org_unit_id, created_at, updated_at) VALUES (?, 1, 'ORGANIZATION', 'ACTIVE', ?, ?, ?)")) {
            insertUnit.setLong(1, unit);
            insertUnit.setString(2, code + "-" + unit);
            insertUnit.setString(3, code);
            insertUnit.executeUpdate();
            Timestamp now = Timestamp.from(Instant.now());
            insertParty.setLong(1, party);
            insertParty.setLong(2, unit);
            insertParty.setTimestamp(3, now);
            insertParty.setTimestamp(4, now);
            insertParty.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        partyUnits.put(Long.toString(party), Long.toString(unit));
        return Long.toString(party);
    }

    private static PartyDTO party(String id) {
        PartyDTO party = new PartyDTO();
        party.id = id;
        return party;
    }
}
