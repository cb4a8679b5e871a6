package org.tessera.crm.sales.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.overview.KeyFigureDTO;
import org.tessera.crm.core.api.overview.OverviewSectionDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.search.SearchHitDTO;
import org.tessera.crm.core.api.search.SearchKeys;
import org.tessera.crm.core.api.search.SearchQuery;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.kit.jpa.SearchCandidates;
import org.tessera.crm.core.testkit.EmfTx;
import org.tessera.crm.core.testkit.Stubs;
import org.tessera.crm.core.testkit.TestAudit;
import org.tessera.crm.core.testkit.TestEvents;
import org.tessera.crm.core.testkit.TestCallerContext;
import org.tessera.crm.core.testkit.TestDatabase;
import org.tessera.crm.sales.api.LineItemDTO;
import org.tessera.crm.sales.api.OpportunityDTO;
import org.tessera.crm.sales.api.ProductDTO;
import org.tessera.crm.sales.api.QuoteDTO;
import org.tessera.crm.sales.impl.jpa.SalesUnit;

/**
 * The sales search contributors and overview sections against every supported database, on real
 * core {@code party} and {@code org_unit} rows: two sibling agencies, and a record scope that a
 * test narrows to one of them as a restricted agent's would be. The scope must be applied by the
 * queries themselves: hits of the visible agency are found even behind many of the other's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSalesDiscoveryDatabaseTest {
    private static final AtomicLong IDS = new AtomicLong(70_000);
    private TestDatabase database;
    private DataSource dataSource;
    private EmfTx tx;
    private OpportunityServiceImpl opportunities;
    private QuoteServiceImpl quotes;
    private String productId;
    private OpportunitySearchContributor opportunitySearch;
    private QuoteSearchContributor quoteSearch;
    private OpportunitiesSection opportunitiesSection;
    private QuotesSection quotesSection;
    /** The org unit of each party inserted by the test. */
    private final Map<String, Long> unitOfParty = new java.util.concurrent.ConcurrentHashMap<>();
    /** The org units the caller sees; empty when unrestricted. */
    private volatile Optional<Set<String>> visibleUnits = Optional.empty();

    protected abstract TestDatabase startDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        database.migrate("sales", AbstractSalesDatabaseTest.CHANGELOG);
        dataSource = database.dataSource();
        tx = new EmfTx(SalesUnit.NAME, dataSource);
        RecordScope scope = Stubs.of(RecordScope.class, (name, args) -> switch (name) {
            case "visibleOrgUnitIds" -> visibleUnits;
            case "canAccessParty" -> unitOfParty.containsKey((String) args[0])
                    && visibleUnits.map(units -> units.contains(String.valueOf(unitOfParty.get((String) args[0])))).orElse(true);
            default -> null;
        });
        AccountAccess access = new AccountAccess(Stubs.of(PartyService.class, (name, args) -> name.equals("find")
                ? Optional.of(new PartyDTO()).filter(p -> scope.canAccessParty((String) args[0])) : null), scope);
        CustomFieldService customFields = Stubs.of(CustomFieldService.class, (name, args) -> name.equals("normalize") ? args[1] : null);
        ValidationService validation = Stubs.of(ValidationService.class, (name, args) -> null);
        AuditRecorder audit = TestAudit.coreRecorder(new TestCallerContext());
        DomainEventPublisher events = TestEvents.outbox(new TestCallerContext(), tx);
        opportunities = new OpportunityServiceImpl(tx, access, customFields, validation, events, audit);
        quotes = new QuoteServiceImpl(tx, access, validation, events, audit);
        ProductDTO product = new ProductDTO();
        product.code = "DISCOVERY-" + IDS.incrementAndGet();
        product.name = "Prestation";
        productId = new ProductServiceImpl(tx, audit).createProduct(product).id;
        opportunitySearch = new OpportunitySearchContributor(tx, scope);
        quoteSearch = new QuoteSearchContributor(tx, scope);
        opportunitiesSection = new OpportunitiesSection(tx, access);
        quotesSection = new QuotesSection(tx, access);
    }

    @AfterAll
    void stop() throws Exception {
        if (tx != null) {
            tx.close();
        }
        database.close();
    }

    @AfterEach
    void unrestricted() {
        visibleUnits = Optional.empty();
    }

    @Test
    void opportunitiesAreFoundByWordPrefixesAccentsAsideNewestFirstAndOnlyInTheCallersScope() throws SQLException {
        long agencyA = orgUnit();
        long agencyB = orgUnit();
        String accountA = party(agencyA);
        String accountB = party(agencyB);
        String word = "Zéphyr" + IDS.incrementAndGet();
        String older = opportunity(accountA, "Renouvellement flotte " + word, "EUR", "1000", null).id;
        String newer = opportunity(accountA, "L'Extension " + word + " Mégane", "EUR", "10", null).id;
        // many of the other agency's, newer still: a restricted caller's hits must not hide behind them
        for (int i = 0; i < 2 * SearchCandidates.BATCH + 5; i++) {
            opportunity(accountB, "Flotte " + word + " " + i, "EUR", "1", null);
        }
        String plain = word.toLowerCase().replace("é", "e");

        assertEquals(3, ids(opportunitySearch.search(query(plain, 3))).size(), "unrestricted, the newest of all");
        visibleUnits = Optional.of(Set.of(String.valueOf(agencyA)));
        assertEquals(List.of(newer, older), ids(opportunitySearch.search(query(plain, 5))));
        assertEquals(List.of(newer), ids(opportunitySearch.search(query("meg " + plain, 5))), "every token, accents aside");
        assertEquals(List.of(newer), ids(opportunitySearch.search(query("l'ext", 5))), "an apostrophe inside a word");
        assertEquals(List.of(newer), ids(opportunitySearch.search(query("lext", 5))), "is deleted, as in the party search");
        assertEquals(List.of(older), ids(opportunitySearch.search(query("FLOT " + plain, 5))));
        assertEquals(List.of(), ids(opportunitySearch.search(query("enouvellement " + plain, 5))), "a prefix, not a substring");
        SearchHitDTO hit = opportunitySearch.search(query(plain, 5)).get(0);
        assertEquals("/sales/opportunities/" + newer, hit.href);
        assertEquals("L'Extension " + word + " Mégane", hit.title);
        assertTrue(hit.subtitle.contains("10.00 EUR"), hit.subtitle);

        visibleUnits = Optional.of(Set.of(String.valueOf(agencyB)));
        assertTrue(ids(opportunitySearch.search(query(plain, 20))).stream().noneMatch(id -> id.equals(older) || id.equals(newer)));
        visibleUnits = Optional.of(Set.of());
        assertEquals(List.of(), opportunitySearch.search(query(plain, 5)), "no perimeter, nothing");
    }

    @Test
    void quotesAreFoundByNumberSerialOrNameInTheCallersScope() throws SQLException {
        long agencyA = orgUnit();
        long agencyB = orgUnit();
        String word = "Quartz" + IDS.incrementAndGet();
        QuoteDTO mine = quote(opportunity(party(agencyA), "Affaire " + word, "EUR", null, null).id, "Proposition " + word);
        QuoteDTO theirs = quote(opportunity(party(agencyB), "Affaire " + word, "EUR", null, null).id, "Proposition " + word);

        assertEquals(2, ids(quoteSearch.search(query(word, 5))).size());
        visibleUnits = Optional.of(Set.of(String.valueOf(agencyA)));
        assertEquals(List.of(mine.id), ids(quoteSearch.search(query("propo " + word, 5))));
        assertEquals(List.of(mine.id), ids(quoteSearch.search(query(mine.number.toLowerCase(), 5))));
        assertEquals(List.of(mine.id), ids(quoteSearch.search(query(QuoteSearchContributor.serial(mine.number), 5))), "the serial alone");
        assertEquals(List.of(), ids(quoteSearch.search(query(theirs.number, 5))), "the other agency's quote");
        assertTrue(quoteSearch.search(query(word, 5)).get(0).title.startsWith(mine.number));
    }

    @Test
    void theOverviewSectionsSumOpenOpportunitiesPerCurrencyListTheNextToCloseAndTheLastQuote() throws SQLException {
        long agency = orgUnit();
        String account = party(agency);
        opportunity(account, "Sans date", "EUR", "100.10", null);
        OpportunityDTO soon = opportunity(account, "Bientôt", "EUR", "1000", LocalDate.of(2027, 1, 15));
        opportunity(account, "Plus tard", "USD", "250", LocalDate.of(2027, 6, 30));
        opportunity(account, "Encore plus tard", "EUR", "1", LocalDate.of(2028, 1, 1));
        OpportunityDTO lost = opportunity(account, "Perdue", "EUR", "99999", LocalDate.of(2026, 12, 1));
        lost.stage = "CLOSED_LOST";
        lost.lostReason = "price";
        opportunities.update(lost.id, null, lost);
        quote(soon.id, "Première");
        QuoteDTO last = quote(soon.id, "Seconde");

        OverviewSectionDTO section = opportunitiesSection.contribute(account);
        assertEquals(List.of("openCount:4:null", "openAmount:1101.10:EUR", "openAmount:250.00:USD"),
                section.figures.stream().map(AbstractSalesDiscoveryDatabaseTest::figure).toList());
        assertEquals(List.of("Bientôt", "Plus tard", "Encore plus tard"), section.items.stream().map(i -> i.title).toList(),
                "soonest close first, the lost one left out");
        assertEquals(LocalDate.of(2027, 1, 15), section.items.get(0).date);
        assertEquals("/sales/opportunities/" + soon.id, section.items.get(0).href);

        OverviewSectionDTO quoteSection = quotesSection.contribute(account);
        assertEquals(2, quoteSection.figures.get(0).value.intValue());
        assertEquals("sales:quote:" + last.id, quoteSection.items.get(0).id);
        assertEquals(0, new BigDecimal("120.00").compareTo(quoteSection.items.get(0).amount));

        visibleUnits = Optional.of(Set.of(String.valueOf(orgUnit())));
        assertTrue(opportunitiesSection.contribute(account).figures.isEmpty(), "outside the scope the section is empty");
        assertTrue(quotesSection.contribute(account).items.isEmpty());
    }

    private static String figure(KeyFigureDTO figure) {
        return figure.key + ":" + figure.value.toPlainString() + ":" + figure.unit;
    }

    private static SearchQuery query(String text, int limit) {
        return new SearchQuery(text, SearchKeys.tokens(text), limit);
    }

    private static List<String> ids(List<SearchHitDTO> hits) {
        return hits.stream().map(hit -> hit.id).toList();
    }

    private OpportunityDTO opportunity(String account, String name, String currency, String amount, LocalDate close) {
        OpportunityDTO draft = new OpportunityDTO();
        draft.accountId = account;
        draft.name = name;
        draft.currency = currency;
        draft.amount = amount == null ? null : new BigDecimal(amount);
        draft.expectedCloseDate = close;
        return opportunities.create(draft);
    }

    private QuoteDTO quote(String opportunityId, String name) {
        QuoteDTO draft = new QuoteDTO();
        draft.opportunityId = opportunityId;
        draft.name = name;
        draft.taxRate = new BigDecimal("20");
        LineItemDTO line = new LineItemDTO();
        line.productId = productId;
        line.quantity = BigDecimal.ONE;
        line.unitPrice = new BigDecimal("100");
        draft.lines.add(line);
        return quotes.create(draft);
    }

    /** A core org unit row, under no parent. */
    private long orgUnit() throws SQLException {
        long id = IDS.incrementAndGet();
        execute("INSERT INTO org_unit (id, version, code, name) VALUES (?, 1, ?, ?)", id, "U" + id, "Unit " + id);
        return id;
    }

    /** A core party row in an org unit. */
    private String party(long orgUnitId) throws SQLException {
        long id = IDS.incrementAndGet();
        execute("INSERT INTO party (id, version, party_type, display_name, status, org_unit_id, created_at, updated_at)"
                + " VALUES (?, 1, 'ORGANIZATION', ?, 'ACTIVE', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", id, "Account " + id, orgUnitId);
        unitOfParty.put(String.valueOf(id), orgUnitId);
        return String.valueOf(id);
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }
}
