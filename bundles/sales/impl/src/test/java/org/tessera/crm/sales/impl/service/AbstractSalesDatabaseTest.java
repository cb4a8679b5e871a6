package org.tessera.crm.sales.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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
import org.tessera.crm.core.testkit.TestAudit;
import org.tessera.crm.core.testkit.TestCallerContext;
import org.tessera.crm.core.testkit.TestDatabase;
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
 * and changelog; the core services it calls are stand-ins (every party exists, custom values pass).
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

    protected abstract TestDatabase startDatabase() throws Exception;

    /** The org unit of each party row the test wrote, and the perimeter of a restricted caller (null: unrestricted). */
    private final Map<String, String> partyUnits = new ConcurrentHashMap<>();
    private volatile Set<String> perimeter;

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        database.migrate("sales", CHANGELOG);
        dataSource = database.dataSource();
        tx = new EmfTx(SalesUnit.NAME, dataSource);
        AccountAccess access = new AccountAccess(stub(PartyService.class, (name, args) ->
                name.equals("find") ? Optional.of(party((String) args[0])) : null),
                stub(RecordScope.class, (name, args) -> switch (name) {
                    case "canAccessParty" -> perimeter == null || perimeter.contains(partyUnits.get((String) args[0]));
                    case "visibleOrgUnitIds" -> Optional.ofNullable(perimeter);
                    default -> null;
                }));
        CustomFieldService customFields = stub(CustomFieldService.class, (name, args) ->
                name.equals("normalize") ? args[1] : name.equals("isActiveValue") ? Boolean.TRUE : null);
        ValidationService validation = stub(ValidationService.class, (name, args) -> null);
        ActivityService activities = stub(ActivityService.class, (name, args) -> {
            ActivityDTO created = (ActivityDTO) args[0];
            created.id = String.valueOf(activityIds.incrementAndGet());
            return created;
        });
        DomainEventPublisher events = (topic, properties) -> { };
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
        leads = new LeadServiceImpl(tx, access, stub(PartyService.class, (n, a) -> null), activities, customFields,
                validation, opportunities, events, audit);
        timeline = new SalesTimelineContributor(tx);
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

    private BigDecimal pipelineTotal() {
        PipelineSummaryQuery query = new PipelineSummaryQuery();
        query.currency = "EUR";
        return pipelines.summary(query).stages.stream().map(stage -> stage.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void migrationsAreIdempotentAndShipTheDefaultPipeline() {
        assertEquals("002-default-pipeline", database.migrate("sales", CHANGELOG));
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
            assertEquals("Audited deal", opportunities.get(id).name);
            opportunities.delete(id, same.version);
        } finally {
            failAfterAudit = false;
            callers.unbind();
        }

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
    private Map<String, Map<String, String>> auditOf(String type, String id) throws SQLException {
        Map<String, Map<String, String>> records = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT r.action, r.user_login, c.field, c.old_value, c.new_value"
                        + " FROM audit_record r LEFT JOIN audit_change c ON c.audit_id = r.id"
                        + " WHERE r.entity_type = ? AND r.entity_id = ? ORDER BY r.id, c.position")) {
            query.setString(1, type);
            query.setString(2, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Map<String, String> changes = records.computeIfAbsent(rows.getString(1) + " " + rows.getString(2), k -> new LinkedHashMap<>());
                    if (rows.getString(3) != null) {
                        changes.put(rows.getString(3), rows.getString(4) + ">" + rows.getString(5));
                    }
                }
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

    interface Answer {
        Object answer(String method, Object[] args);
    }

    /** A stand-in for a core service: each call answered by {@code answer} (null for void and unused methods). */
    @SuppressWarnings("unchecked")
    static <T> T stub(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args == null ? new Object[0] : args));
    }

}
