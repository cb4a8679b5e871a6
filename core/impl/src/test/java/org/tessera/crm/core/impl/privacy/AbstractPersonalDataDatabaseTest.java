package org.tessera.crm.core.impl.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.audit.AuditRecordDTO;
import org.tessera.crm.core.api.audit.FieldChangeDTO;
import org.tessera.crm.core.impl.audit.AuditChangeList;
import org.tessera.crm.core.impl.audit.JdbcAuditRecorder;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityStatus;
import org.tessera.crm.core.api.org.OrgUnitDTO;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.privacy.ConsentDTO;
import org.tessera.crm.core.api.privacy.ConsentStatus;
import org.tessera.crm.core.api.privacy.ErasureContext;
import org.tessera.crm.core.api.privacy.ErasureReportDTO;
import org.tessera.crm.core.api.privacy.ErasureResultDTO;
import org.tessera.crm.core.api.privacy.PersonalDataDTO;
import org.tessera.crm.core.api.privacy.PersonalDataSectionDTO;
import org.tessera.crm.core.api.privacy.PersonalDataService;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.audit.JdbcAuditRecorder;
import org.tessera.crm.core.impl.testing.CoreServices;
import org.tessera.crm.core.kit.privacy.PersonalDataTables;
import org.tessera.crm.core.kit.privacy.PersonalTable;
import org.tessera.crm.core.kit.privacy.TablePersonalDataProvider;
import org.tessera.crm.core.testkit.TestDatabase;

/**
 * Export, erasure, legal hold and consent against every supported database, through the real core
 * services and a module provider made with the kit over two tables of a test module.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractPersonalDataDatabaseTest {
    private static final AtomicLong COUNTER = new AtomicLong();
    private TestDatabase database;
    private CoreServices core;
    private ConsentServiceImpl consents;
    private PersonalDataServiceImpl personalData;
    private final TestModule module = new TestModule();

    protected abstract TestDatabase startDatabase() throws Exception;

    /** A module with vehicles (registration erased) and claims (kept for two years after their last change). */
    static final class TestModule extends TablePersonalDataProvider {
        volatile boolean failing;

        TestModule() {
            super(PersonalDataTables.of("garage", "claims are kept 2 years",
                    PersonalTable.of("VEHICLE", "pd_vehicle", "owner_party_id = ?").exports("make", "registration")
                            .blanks("registration").versioned(),
                    PersonalTable.of("CLAIM", "pd_claim", "party_id = ?").exports("description", "updated_at")
                            .blanks("description").keptWhile("updated_at", Period.ofYears(2), "claims are kept 2 years")), null);
        }

        @Override
        public ErasureResultDTO erase(String partyId, ErasureContext context) {
            ErasureResultDTO result = super.erase(partyId, context);
            if (failing) {
                throw new IllegalStateException("the garage refuses");
            }
            return result;
        }
    }

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        core = new CoreServices(database);
        AuditTrail trail = new AuditTrail(core.callers);
        consents = new ConsentServiceImpl(core.tx, core.scope, trail, core.events);
        personalData = new PersonalDataServiceImpl(core.tx, core.scope, core.callers, new JdbcAuditRecorder(core.callers), core.events,
                core.parties);
        personalData.addProvider(module);
        sql("CREATE TABLE pd_vehicle (id BIGINT PRIMARY KEY, version BIGINT NOT NULL, owner_party_id BIGINT, make VARCHAR(80),"
                + " registration VARCHAR(20))");
        sql("CREATE TABLE pd_claim (id BIGINT PRIMARY KEY, party_id BIGINT, description VARCHAR(200), updated_at TIMESTAMP)");
    }

    @AfterAll
    void stop() throws Exception {
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
        module.failing = false;
    }

    @Test
    void theExportGivesTheCorePartAndEveryModuleSection() throws SQLException {
        String id = personWithRecords("Export");
        consent(id, "marketing", "EMAIL", ConsentStatus.GRANTED);

        PersonalDataDTO export = personalData.export(id);
        PartyDTO party = (PartyDTO) export.core.get("party");
        assertEquals("Anne", party.firstName);
        assertEquals("anne@example.com", party.contactMechanisms.get(0).value);
        assertEquals(1, ((List<?>) export.core.get("activities")).size());
        assertEquals(List.of("marketing"), ((List<?>) export.core.get("consents")).stream().map(c -> ((ConsentDTO) c).purpose).toList());
        assertEquals(1L, ((Number) ((Map<?, ?>) export.core.get("audit")).get("entries")).longValue());
        PersonalDataSectionDTO garage = export.modules.get(0);
        assertEquals("garage", garage.module);
        assertEquals("AB-123-CD", garage.records.get("VEHICLE").get(0).get("registration"));
        assertEquals(2, garage.records.get("CLAIM").size());
        assertEquals("claims are kept 2 years", garage.retention);
    }

    @Test
    void aPartyOutsideTheCallersPerimeterIsNotFound() throws SQLException {
        String id = personWithRecords("Scope");
        core.callers.bind(new Caller("agent", Set.of("agent"), Set.of(CorePermissions.PARTY_PERSONAL_DATA), unit("ELSEWHERE")));
        assertThrows(NotFoundException.class, () -> personalData.export(id));
        assertThrows(NotFoundException.class, () -> personalData.erase(id, id));
    }

    @Test
    void aLegalHoldRefusesTheErasureUntilCleared() throws SQLException {
        String id = personWithRecords("Hold");
        assertTrue(personalData.setLegalHold(id, "dispute 2026-41").active);
        ConflictException refused = assertThrows(ConflictException.class, () -> personalData.erase(id, id));
        assertTrue(refused.getMessage().contains("dispute 2026-41"), refused.getMessage());
        assertEquals("Anne", core.parties.get(id).firstName);
        assertFalse(personalData.clearLegalHold(id).active);
        assertEquals(id, personalData.erase(id, id).partyId);
        List<String> fields = auditFields(id);
        assertEquals(List.of("legalHold", "legalHold", "personalData"), fields.subList(fields.size() - 3, fields.size()));
    }

    @Test
    void theErasureNeedsTheIdRepeated() throws SQLException {
        String id = personWithRecords("Confirm");
        ValidationException missing = assertThrows(ValidationException.class, () -> personalData.erase(id, null));
        assertEquals("confirm", missing.errors().get(0).field);
        assertThrows(ValidationException.class, () -> personalData.erase(id, id + "0"));
        assertEquals("Anne", core.parties.get(id).firstName);
    }

    @Test
    void theErasureAnonymizesTheCoreAndTheModuleKeepsWhatItMustAndMasksTheAudit() throws SQLException {
        String id = personWithRecords("Erase");
        consent(id, "marketing", "EMAIL", ConsentStatus.GRANTED);
        JdbcAuditRecorder recorder = new JdbcAuditRecorder(core.callers); // a module's audit of the party: one change list
        core.tx.required(em -> {
            recorder.recordChanges(em.unwrap(Connection.class), "PARTY", id, AuditAction.UPDATE,
                    List.of(new FieldChangeDTO("nickname", "Annie", "Nan")));
            return null;
        });
        int eventsBefore = core.events.posted.size();

        ErasureReportDTO report = personalData.erase(id, id);

        PartyDTO party = core.parties.get(id);
        assertNull(party.firstName);
        assertNull(party.lastName);
        assertEquals("Erased party " + id, party.displayName);
        assertTrue(party.contactMechanisms.isEmpty());
        assertTrue(consents.consents(id).isEmpty());
        assertEquals(List.of("core", "garage"), report.modules.stream().map(m -> m.module).toList());
        ErasureResultDTO garage = report.modules.get(1);
        assertEquals(List.of("VEHICLE", "CLAIM"), garage.erased.stream().map(e -> e.entityType).toList());
        assertEquals(1, garage.erased.get(1).count, "the old claim");
        assertEquals("CLAIM", garage.kept.get(0).entityType);
        assertEquals(1, garage.kept.get(0).count, "the recent claim");
        assertEquals("claims are kept 2 years", garage.kept.get(0).reason);
        assertNull(single("SELECT registration FROM pd_vehicle WHERE owner_party_id = ?", id));
        assertEquals(2L, ((Number) single("SELECT version FROM pd_vehicle WHERE owner_party_id = ?", id)).longValue());
        assertEquals(List.of("recent damage"), column("SELECT description FROM pd_claim WHERE party_id = ? AND description IS NOT NULL", id));
        List<String> subjects = column("SELECT a.subject FROM activity a JOIN activity_participant p ON p.activity_id = a.id"
                + " WHERE p.party_id = ?", id);
        assertEquals(List.of(CorePersonalData.ERASED_SUBJECT), subjects);
        assertEquals(List.of(), audit(id).stream().flatMap(record -> record.changes.stream())
                .filter(change -> !"personalData".equals(change.field))
                .flatMap(change -> java.util.stream.Stream.of(change.oldValue, change.newValue))
                .filter(value -> value != null && !FieldChangeDTO.MASK.equals(value)).toList(),
                "every value of the party's audit is masked");
        assertFalse(auditFields(id).isEmpty(), "the entries themselves stay");
        List<String> erasedEvents = core.events.posted.subList(eventsBefore, core.events.posted.size()).stream()
                .map(posted -> posted.topic()).filter(PersonalDataService.PARTY_ERASED::equals).toList();
        assertEquals(1, erasedEvents.size());
    }

    @Test
    void aModuleThatFailsRollsTheWholeErasureBack() throws SQLException {
        String id = personWithRecords("Rollback");
        module.failing = true;
        assertThrows(IllegalStateException.class, () -> personalData.erase(id, id));
        assertEquals("Anne", core.parties.get(id).firstName);
        assertEquals("AB-123-CD", single("SELECT registration FROM pd_vehicle WHERE owner_party_id = ?", id));
    }

    @Test
    void aRecordedConsentWinsAndOptOutsAreWithdrawalsForEveryPurpose() {
        String optedOut = person("Opted", true).id;
        String granted = person("Granted", true).id;
        String withdrawn = person("Withdrawn", false).id;
        String silent = person("Silent", false).id;
        consent(granted, "marketing", "EMAIL", ConsentStatus.GRANTED);
        ConsentDTO recorded = consent(withdrawn, "marketing", "EMAIL", ConsentStatus.WITHDRAWN);
        assertEquals(ConsentStatus.WITHDRAWN, recorded.status);

        assertEquals(Set.of(optedOut, withdrawn), consents.withdrawn(List.of(optedOut, granted, withdrawn, silent, "x"), "marketing", "EMAIL"));
        assertEquals(Set.of(optedOut, granted), consents.withdrawn(List.of(optedOut, granted, withdrawn, silent), "service", "EMAIL"),
                "a consent recorded for marketing says nothing of another purpose: the opt-out stands");
        assertEquals(Set.of(), consents.withdrawn(List.of(optedOut, withdrawn), "marketing", "PHONE"));
        ConsentDTO view = consents.consents(optedOut).get(0);
        assertTrue(view.derived);
        assertEquals(ConsentDTO.ANY_PURPOSE, view.purpose);
        assertEquals("EMAIL", view.channel);

        ConsentDTO again = consent(withdrawn, "marketing", "EMAIL", ConsentStatus.GRANTED);
        assertEquals(recorded.id, again.id, "one consent per purpose and channel, replaced");
        assertEquals(Set.of(), consents.withdrawn(List.of(withdrawn), "marketing", "EMAIL"));
    }

    @Test
    void anInvalidConsentNamesEachField() {
        String id = person("Invalid", false).id;
        ConsentDTO draft = new ConsentDTO();
        draft.purpose = "Marketing!";
        draft.channel = "FAX";
        draft.capturedAt = Instant.now().plus(1, ChronoUnit.DAYS);
        ValidationException refused = assertThrows(ValidationException.class, () -> consents.record(id, draft));
        assertEquals(List.of("status", "purpose", "channel", "capturedAt"), refused.errors().stream().map(e -> e.field).toList());
    }

    private String personWithRecords(String word) throws SQLException {
        String id = person(word + COUNTER.incrementAndGet(), false).id;
        ActivityDTO activity = new ActivityDTO();
        activity.type = "CALL";
        activity.subject = "Called about the car";
        activity.description = "She told us about her divorce";
        activity.status = ActivityStatus.DONE;
        activity.startAt = Instant.now().minus(1, ChronoUnit.DAYS);
        activity.participants.add(id);
        core.activities.create(activity);
        long key = Long.parseLong(id);
        sql("INSERT INTO pd_vehicle (id, version, owner_party_id, make, registration) VALUES (" + key + ", 1, " + key + ", 'Renault', 'AB-123-CD')");
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO pd_claim (id, party_id, description, updated_at) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, key * 10);
            insert.setLong(2, key);
            insert.setString(3, "recent damage");
            insert.setTimestamp(4, Timestamp.from(Instant.now().minus(30, ChronoUnit.DAYS)));
            insert.executeUpdate();
            insert.setLong(1, key * 10 + 1);
            insert.setString(3, "old damage");
            insert.setTimestamp(4, Timestamp.from(Instant.now().minus(3 * 366, ChronoUnit.DAYS)));
            insert.executeUpdate();
        }
        return id;
    }

    private PartyDTO person(String last, boolean optedOut) {
        PartyDTO party = new PartyDTO();
        party.type = PartyType.PERSON;
        party.firstName = "Anne";
        party.lastName = last;
        ContactMechanismDTO email = new ContactMechanismDTO();
        email.type = ContactMechanismType.EMAIL;
        email.value = "anne@example.com";
        email.optOut = optedOut;
        party.contactMechanisms.add(email);
        return core.parties.create(party);
    }

    private ConsentDTO consent(String partyId, String purpose, String channel, ConsentStatus status) {
        ConsentDTO draft = new ConsentDTO();
        draft.purpose = purpose;
        draft.channel = channel;
        draft.status = status;
        draft.source = "web form";
        return consents.record(partyId, draft);
    }

    private String unit(String code) {
        OrgUnitDTO unit = new OrgUnitDTO();
        unit.code = code + "-" + COUNTER.incrementAndGet();
        unit.name = code;
        unit.parentId = core.org.findOrgUnitByCode("HQ").orElseThrow().id;
        return core.org.createOrgUnit(unit).id;
    }

    private List<String> auditFields(String partyId) throws SQLException {
        return audit(partyId).stream().flatMap(record -> record.changes.stream()).map(change -> change.field).toList();
    }

    private List<AuditRecordDTO> audit(String partyId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            return AuditChangeList.read(connection, "PARTY", partyId);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    private Object single(String query, String partyId) throws SQLException {
        List<Object> values = values(query, Long.parseLong(partyId));
        assertEquals(1, values.size(), query);
        return values.get(0);
    }

    /** The first column of the rows; the party id is bound as a number, or as text where an audit entity id is compared. */
    private List<String> column(String query, String partyId) throws SQLException {
        Object bound = query.contains("entity_id = ?") ? partyId : (Object) Long.parseLong(partyId);
        return values(query, bound).stream().map(v -> v == null ? null : String.valueOf(v)).toList();
    }

    private List<Object> values(String query, Object param) throws SQLException {
        List<Object> values = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection(); PreparedStatement select = connection.prepareStatement(query)) {
            if (query.contains("?")) {
                select.setObject(1, param);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getObject(1));
                }
            }
        }
        return values;
    }
}
