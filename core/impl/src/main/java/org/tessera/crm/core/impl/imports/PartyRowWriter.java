package org.tessera.crm.core.impl.imports;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.search.PartySearchTerms;

/**
 * Inserts new parties with plain JDBC batches: one prepared statement per table, one batch per
 * table for a whole chunk. JPA would interleave each party's row with its collection rows, and
 * a JDBC batch ends whenever the statement changes, so its batches would hold a row or two.
 * The rows written are exactly those the JPA mapping of the party entities reads back.
 */
final class PartyRowWriter {
    static final String PARTY_SEQUENCE = "party_seq";
    static final String MECHANISM_SEQUENCE = "contact_mechanism_seq";

    private final Connection connection;

    PartyRowWriter(Connection connection) {
        this.connection = connection;
    }

    /**
     * Writes validated, normalized candidates whose {@code id} (and mechanism ids) are set.
     *
     * @param source the system creating them, which dates their fields
     */
    void insert(List<PartyDTO> parties, Instant now, String source) throws SQLException {
        if (parties.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        try (PreparedStatement party = connection.prepareStatement("INSERT INTO party (id, version, party_type,"
                + " display_name, sort_name, salutation, first_name, last_name, birth_date, job_title, legal_name,"
                + " registration_number, industry, household_name, status, owner_id, org_unit_id, created_at, updated_at,"
                + " created_source) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement classification = connection.prepareStatement(
                     "INSERT INTO party_classification (party_id, code) VALUES (?, ?)");
             PreparedStatement externalId = connection.prepareStatement(
                     "INSERT INTO party_external_id (party_id, source, external_id) VALUES (?, ?, ?)");
             PreparedStatement term = connection.prepareStatement(
                     "INSERT INTO party_search_term (party_id, term) VALUES (?, ?)");
             PreparedStatement mechanism = connection.prepareStatement("INSERT INTO contact_mechanism (id, version,"
                     + " party_id, mech_type, mech_value, line1, line2, postal_code, city, region, country, purpose,"
                     + " is_primary, opt_out, valid_from, valid_thru) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement custom = connection.prepareStatement(CustomValueRows.INSERT)) {
            boolean anyClassification = false;
            boolean anyTerm = false;
            boolean anyMechanism = false;
            boolean anyCustom = false;
            for (PartyDTO p : parties) {
                long id = Long.parseLong(p.id);
                party.setLong(1, id);
                party.setString(2, p.type.name());
                party.setString(3, p.displayName);
                party.setString(4, PartySearchTerms.sortKey(p.displayName));
                party.setString(5, p.salutation);
                party.setString(6, p.firstName);
                party.setString(7, p.lastName);
                setDate(party, 8, p.birthDate);
                party.setString(9, p.jobTitle);
                party.setString(10, p.legalName);
                party.setString(11, p.registrationNumber);
                party.setString(12, p.industry);
                party.setString(13, p.name);
                party.setString(14, p.status.name());
                setId(party, 15, p.ownerId);
                setId(party, 16, p.orgUnitId);
                party.setTimestamp(17, at);
                party.setTimestamp(18, at);
                party.setString(19, source);
                party.addBatch();
                for (String code : p.classifications) {
                    classification.setLong(1, id);
                    classification.setString(2, code);
                    classification.addBatch();
                    anyClassification = true;
                }
                for (Map.Entry<String, String> e : p.externalIds.entrySet()) {
                    externalId.setLong(1, id);
                    externalId.setString(2, e.getKey());
                    externalId.setString(3, e.getValue());
                    externalId.addBatch();
                }
                for (String t : PartySearchTerms.termsOf(p)) {
                    term.setLong(1, id);
                    term.setString(2, t);
                    term.addBatch();
                    anyTerm = true;
                }
                for (ContactMechanismDTO m : p.contactMechanisms) {
                    mechanism.setLong(1, Long.parseLong(m.id));
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
                    setDate(mechanism, 14, m.validFrom);
                    setDate(mechanism, 15, m.validThru);
                    mechanism.addBatch();
                    anyMechanism = true;
                }
                anyCustom |= CustomValueRows.add(custom, EntityTypes.PARTY, id, p.customFields);
            }
            // parents first: the children's foreign keys point at the party rows
            party.executeBatch();
            externalId.executeBatch();
            if (anyClassification) {
                classification.executeBatch();
            }
            if (anyTerm) {
                term.executeBatch();
            }
            if (anyMechanism) {
                mechanism.executeBatch();
            }
            if (anyCustom) {
                custom.executeBatch();
            }
        }
    }

    private static void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
        if (date == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setDate(index, Date.valueOf(date));
        }
    }

    private static void setId(PreparedStatement statement, int index, String id) throws SQLException {
        if (id == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, Long.parseLong(id));
        }
    }
}
