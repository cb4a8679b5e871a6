package org.tessera.crm.core.impl.party;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyStatus;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.kit.Ids;

/**
 * The columns an export selects from {@code party} and {@code contact_mechanism}, and their rows as
 * DTOs, converted as the entities convert them ({@link PartyMapper}): an exported row is the row the
 * list shows.
 */
final class PartyExportRows {
    /** The party columns, {@code p.id} first. */
    static final String PARTY_COLUMNS = "p.id, p.version, p.party_type, p.display_name, p.salutation, p.first_name,"
            + " p.last_name, p.birth_date, p.job_title, p.legal_name, p.registration_number, p.industry,"
            + " p.household_name, p.status, p.owner_id, p.org_unit_id, p.created_at, p.updated_at";
    /** The contact mechanism columns of the alias {@code cm}, {@code cm.party_id} first. */
    static final String MECHANISM_COLUMNS = "cm.party_id, cm.id, cm.mech_type, cm.mech_value, cm.line1, cm.line2,"
            + " cm.postal_code, cm.city, cm.region, cm.country, cm.purpose, cm.is_primary, cm.opt_out, cm.valid_from,"
            + " cm.valid_thru";

    private PartyExportRows() {
    }

    /** The party's scalar fields from a row of {@link #PARTY_COLUMNS}. */
    static PartyDTO party(ResultSet row) throws SQLException {
        PartyDTO p = new PartyDTO();
        p.id = Ids.format(row.getLong(1));
        p.version = row.getLong(2);
        p.type = PartyType.valueOf(row.getString(3));
        p.displayName = row.getString(4);
        p.salutation = row.getString(5);
        p.firstName = row.getString(6);
        p.lastName = row.getString(7);
        p.birthDate = localDate(row.getDate(8));
        p.jobTitle = row.getString(9);
        p.legalName = row.getString(10);
        p.registrationNumber = row.getString(11);
        p.industry = row.getString(12);
        p.name = row.getString(13);
        p.status = PartyStatus.valueOf(row.getString(14));
        p.ownerId = Ids.format(nullableLong(row, 15));
        p.orgUnitId = Ids.format(nullableLong(row, 16));
        p.createdAt = instant(row.getTimestamp(17));
        p.updatedAt = instant(row.getTimestamp(18));
        return p;
    }

    /** A contact mechanism from a row of {@link #MECHANISM_COLUMNS}. */
    static ContactMechanismDTO mechanism(ResultSet row) throws SQLException {
        ContactMechanismDTO d = new ContactMechanismDTO();
        d.id = Ids.format(row.getLong(2));
        d.type = ContactMechanismType.valueOf(row.getString(3));
        d.value = row.getString(4);
        d.line1 = row.getString(5);
        d.line2 = row.getString(6);
        d.postalCode = row.getString(7);
        d.city = row.getString(8);
        d.region = row.getString(9);
        d.country = row.getString(10);
        d.purpose = row.getString(11);
        d.primary = row.getBoolean(12);
        d.optOut = row.getBoolean(13);
        d.validFrom = localDate(row.getDate(14));
        d.validThru = localDate(row.getDate(15));
        return d;
    }

    private static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /** As {@code InstantConverter}: a TIMESTAMP in the JVM's zone. */
    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
