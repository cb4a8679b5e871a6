package org.tessera.crm.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.search.PartySearchTerms;
import org.tessera.crm.core.testkit.TestDatabase;

/**
 * The raw limit of P1: the same rows (party, classifications, external id, search terms, contact
 * mechanisms, custom values) inserted with plain JDBC batches into a fresh database — embedded Derby
 * 10.14, or a database of the PostgreSQL server the bench runs — migrated by the core's own
 * changelog through the test kit (same tables, same indexes),
 * with the display names and search terms the core derives ({@link PartySearchTerms}), one
 * transaction per {@code chunk} parties as the importer does; no HTTP, no JSON, no validation, no
 * lookups.
 */
final class RawJdbcLoader {
    private final Callable<TestDatabase> freshDatabase;

    /** Into a new embedded Derby database under {@code directory}. */
    RawJdbcLoader(Path directory) {
        this(() -> {
            delete(directory);
            return TestDatabase.derby(directory.resolve("db"));
        });
    }

    /** Into the empty database {@code freshDatabase} gives. */
    RawJdbcLoader(Callable<TestDatabase> freshDatabase) {
        this.freshDatabase = freshDatabase;
    }

    /** Loads parties {@code 0 .. count-1}; returns the elapsed nanoseconds of the inserts alone. */
    long load(long seed, long count, int chunk) throws Exception {
        try (TestDatabase db = freshDatabase.call()) {
            db.migrateCore();
            return insert(db.dataSource(), seed, count, chunk);
        }
    }

    private long insert(DataSource ds, long seed, long count, int chunk) throws SQLException {
        return insert(ds, new PartyGenerator(seed, rawAgents(ds), "1"), count, chunk, 1000, 1000);
    }

    private static List<String> rawAgents(DataSource ds) throws SQLException {
        List<String> owners = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement agent = c.prepareStatement(
                "INSERT INTO agent (id, version, login, display_name, org_unit_id, active) VALUES (?, 1, ?, ?, 1, true)")) {
            for (int i = 0; i < Bench.AGENTS; i++) {
                agent.setLong(1, 100 + i);
                agent.setString(2, "raw" + i);
                agent.setString(3, "Raw " + i);
                agent.executeUpdate();
                owners.add(String.valueOf(100 + i));
            }
        }
        return owners;
    }

    /**
     * Inserts the generated parties {@code 0 .. count-1} into a database the core's changelog migrated
     * (also a stopped server's, with ids above those it allocated); returns the elapsed nanoseconds.
     */
    static long insert(DataSource ds, PartyGenerator generator, long count, int chunk, long firstPartyId, long firstMechanismId)
            throws SQLException {
        long start = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long partyId = firstPartyId;
            long mechanismId = firstMechanismId;
            try (PreparedStatement party = c.prepareStatement("INSERT INTO party (id, version, party_type,"
                    + " display_name, sort_name, salutation, first_name, last_name, birth_date, job_title, legal_name,"
                    + " registration_number, industry, household_name, status, owner_id, org_unit_id, created_at, updated_at)"
                    + " VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement classification = c.prepareStatement("INSERT INTO party_classification (party_id, code) VALUES (?, ?)");
                 PreparedStatement external = c.prepareStatement("INSERT INTO party_external_id (party_id, source, external_id) VALUES (?, ?, ?)");
                 PreparedStatement term = c.prepareStatement("INSERT INTO party_search_term (party_id, term) VALUES (?, ?)");
                 PreparedStatement mechanism = c.prepareStatement("INSERT INTO contact_mechanism (id, version, party_id,"
                         + " mech_type, mech_value, line1, line2, postal_code, city, region, country, purpose, is_primary,"
                         + " opt_out, valid_from, valid_thru) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement custom = c.prepareStatement("INSERT INTO custom_value (entity_type, entity_id,"
                         + " field_key, text_value, text_prefix, number_value) VALUES ('PARTY', ?, ?, ?, ?, ?)")) {
                for (long i = 0; i < count; i++) {
                    PartyDTO p = generator.party(i);
                    p.displayName = PartySearchTerms.displayName(p);
                    long id = partyId++;
                    Timestamp now = Timestamp.from(Instant.now());
                    party.setLong(1, id);
                    party.setString(2, p.type.name());
                    party.setString(3, p.displayName);
                    party.setString(4, PartySearchTerms.sortKey(p.displayName));
                    party.setString(5, p.salutation);
                    party.setString(6, p.firstName);
                    party.setString(7, p.lastName);
                    date(party, 8, p.birthDate);
                    party.setString(9, p.jobTitle);
                    party.setString(10, p.legalName);
                    party.setString(11, p.registrationNumber);
                    party.setString(12, p.industry);
                    party.setString(13, p.name);
                    party.setString(14, p.status.name());
                    party.setLong(15, Long.parseLong(p.ownerId));
                    party.setLong(16, Long.parseLong(p.orgUnitId));
                    party.setTimestamp(17, now);
                    party.setTimestamp(18, now);
                    party.addBatch();
                    for (String code : p.classifications) {
                        classification.setLong(1, id);
                        classification.setString(2, code);
                        classification.addBatch();
                    }
                    for (Map.Entry<String, String> e : p.externalIds.entrySet()) {
                        external.setLong(1, id);
                        external.setString(2, e.getKey());
                        external.setString(3, e.getValue());
                        external.addBatch();
                    }
                    for (String t : PartySearchTerms.termsOf(p)) {
                        term.setLong(1, id);
                        term.setString(2, t);
                        term.addBatch();
                    }
                    for (ContactMechanismDTO m : p.contactMechanisms) {
                        mechanism.setLong(1, mechanismId++);
                        mechanism.setLong(2, id);
                        mechanism.setString(3, m.type.name());
                        mechanism.setString(4, m.value);
                        mechanism.setString(5, m.line1);
                        mechanism.setString(6, m.line2);
                        mechanism.setString(7, m.postalCode);
                        mechanism.setString(8, m.city);
                        mechanism.setString(9, m.region);
                        mechanism.setString(10, m.country);
                        mechanism.setString(11, m.purpose);
                        mechanism.setBoolean(12, m.primary);
                        mechanism.setBoolean(13, m.optOut);
                        date(mechanism, 14, m.validFrom);
                        date(mechanism, 15, m.validThru);
                        mechanism.addBatch();
                    }
                    for (Map.Entry<String, Object> e : p.customFields.entrySet()) {
                        String text = e.getValue().toString();
                        custom.setLong(1, id);
                        custom.setString(2, e.getKey());
                        custom.setString(3, text);
                        custom.setString(4, text);
                        custom.setBigDecimal(5, e.getValue() instanceof Long l ? BigDecimal.valueOf(l) : null);
                        custom.addBatch();
                    }
                    if ((i + 1) % chunk == 0 || i == count - 1) {
                        party.executeBatch();
                        external.executeBatch();
                        classification.executeBatch();
                        term.executeBatch();
                        mechanism.executeBatch();
                        custom.executeBatch();
                        c.commit();
                    }
                }
            }
        }
        return System.nanoTime() - start;
    }

    private static void date(PreparedStatement s, int index, LocalDate d) throws SQLException {
        if (d == null) {
            s.setNull(index, Types.DATE);
        } else {
            s.setDate(index, Date.valueOf(d));
        }
    }

    static void delete(Path directory) throws Exception {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
