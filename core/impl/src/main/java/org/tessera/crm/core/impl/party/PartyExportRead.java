package org.tessera.crm.core.impl.party;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.RecordExport;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.impl.customfield.CustomValueCodec;
import org.tessera.crm.core.impl.support.SqlBuilder;

/**
 * The read of a party export without entities: one forward-only cursor on the parties the list's
 * criteria and perimeter match, in id order, and one per child table (classifications, external
 * ids, contact mechanisms, custom values) over the same criteria, ordered by party id, advanced
 * together as the party ids advance. No list of ids is sent; only the current party and its
 * children are held. The DTOs are those the list gives, collections in the same order
 * ({@link PartyReader}), sensitive fields removed for a caller without their permission.
 */
final class PartyExportRead {
    /** Rows fetched per round trip (PostgreSQL reads through a server-side cursor with it). */
    static final int FETCH_SIZE = 1000;

    private final SqlBuilder criteria;
    private final Map<String, CustomFieldDefinitionDTO> definitions;
    /** What to remove from each party; null when the caller may read the sensitive fields. */
    private final SensitivePartyFields hidden;

    /**
     * @param criteria the list's criteria and the perimeter on {@code party p} ({@link PartySearch#criteria})
     * @param definitions the party custom field definitions, to decode the values
     * @param sensitiveShown whether the caller may read the sensitive fields
     */
    PartyExportRead(SqlBuilder criteria, Map<String, CustomFieldDefinitionDTO> definitions, boolean sensitiveShown) {
        this.criteria = criteria;
        this.definitions = definitions;
        this.hidden = sensitiveShown ? null : SensitivePartyFields.of(definitions.values());
    }

    /** Hands every matching party to {@code sink} in id order; how many. */
    long run(Connection connection, RecordExport.Sink<? super PartyDTO> sink) throws SQLException, IOException {
        // the child cursors first: on Derby a party committed meanwhile may then appear without children, never the reverse
        try (ChildCursor classifications = cursor(connection, children("SELECT pc.party_id, pc.code"
                     + " FROM party_classification pc JOIN party p ON p.id = pc.party_id", "pc.party_id"));
             ChildCursor externalIds = cursor(connection, children("SELECT pe.party_id, pe.source, pe.external_id"
                     + " FROM party_external_id pe JOIN party p ON p.id = pe.party_id", "pe.party_id"));
             ChildCursor mechanisms = cursor(connection, children("SELECT " + PartyExportRows.MECHANISM_COLUMNS
                     + " FROM contact_mechanism cm JOIN party p ON p.id = cm.party_id", "cm.party_id, cm.id"));
             ChildCursor customValues = cursor(connection, customValues());
             PreparedStatement statement = parties().prepare(connection, FETCH_SIZE);
             ResultSet rows = statement.executeQuery()) {
            long count = 0;
            while (rows.next()) {
                PartyDTO party = PartyExportRows.party(rows);
                long id = rows.getLong(1);
                TreeSet<String> codes = new TreeSet<>();
                classifications.readFor(id, row -> codes.add(row.getString(2)));
                party.classifications = new LinkedHashSet<>(codes);
                TreeMap<String, String> sources = new TreeMap<>();
                externalIds.readFor(id, row -> sources.put(row.getString(2), row.getString(3)));
                party.externalIds = new LinkedHashMap<>(sources);
                mechanisms.readFor(id, row -> party.contactMechanisms.add(PartyExportRows.mechanism(row)));
                TreeMap<String, Object> values = new TreeMap<>();
                customValues.readFor(id, row -> values.put(row.getString(2), decode(row.getString(2), row.getString(3))));
                party.customFields = new LinkedHashMap<>(values);
                sink.accept(hidden == null ? party : hidden.strip(party));
                count++;
            }
            return count;
        }
    }

    private static ChildCursor cursor(Connection connection, SqlBuilder sql) throws SQLException {
        return new ChildCursor(connection, sql, FETCH_SIZE);
    }

    private SqlBuilder parties() {
        // Derby: the primary key read in order, no sort (as the list does in id order)
        return new SqlBuilder().append("SELECT " + PartyExportRows.PARTY_COLUMNS
                        + " FROM party p --DERBY-PROPERTIES constraint=PK_PARTY\n WHERE 1 = 1")
                .append(criteria).append(" ORDER BY p.id");
    }

    /**
     * {@code select} joins the child table to {@code party p}; the criteria apply to {@code p}. The
     * child tables' aliases differ from those of the criteria's subqueries ({@code c}, {@code t}, {@code v}).
     */
    private SqlBuilder children(String select, String orderBy) {
        return new SqlBuilder().append(select + " WHERE 1 = 1").append(criteria).append(" ORDER BY " + orderBy);
    }

    private SqlBuilder customValues() {
        return new SqlBuilder().append("SELECT cv.entity_id, cv.field_key, cv.text_value FROM custom_value cv"
                        + " JOIN party p ON p.id = cv.entity_id WHERE cv.entity_type = ").param(EntityTypes.PARTY)
                .append(criteria).append(" ORDER BY cv.entity_id");
    }

    /** As the list decodes a value: by its field's type, as text when the field is no longer defined. */
    private Object decode(String key, String text) {
        CustomFieldDefinitionDTO definition = definitions.get(key);
        CustomFieldType type = definition == null ? null : definition.type;
        return CustomValueCodec.fromText(type, text);
    }
}
