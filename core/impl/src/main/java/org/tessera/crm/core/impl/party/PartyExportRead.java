package org.tessera.crm.core.impl.party;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.RecordExport;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.impl.customfield.CustomValueCodec;
import org.tessera.crm.core.impl.support.SqlBuilder;

/**
 * The read of a party export without entities: one forward-only cursor on the parties the list's
 * criteria and perimeter match, in id order, and one per child table (classifications, external
 * ids, contact mechanisms, custom values) ordered by party id — joined to the parties under the same
 * criteria, or the table alone when there are none — advanced together as the party ids advance.
 * No list of ids is sent; only the current party and its children are held. The DTOs are those the list gives, collections in the same order
 * ({@link PartyReader}), sensitive fields removed for a caller without their permission.
 */
final class PartyExportRead {
    /** Rows fetched per round trip (PostgreSQL reads through a server-side cursor with it). */
    static final int FETCH_SIZE = 1000;

    /** The list's order of a party's contact mechanisms (the database gives them by party only). */
    private static final Comparator<ContactMechanismDTO> BY_ID = Comparator.comparingLong(m -> Long.parseLong(m.id));

    private final SqlBuilder criteria;
    /** The parties to read by id instead of by the list's criteria; null for the criteria. */
    private final List<Long> ids;
    private final Map<String, CustomFieldDefinitionDTO> definitions;
    /** What to remove from each party; null when the caller may read the sensitive fields. */
    private final SensitivePartyFields hidden;

    /**
     * @param criteria the list's criteria and the perimeter on {@code party p} ({@link PartySearch#criteria})
     * @param definitions the party custom field definitions, to decode the values
     * @param sensitiveShown whether the caller may read the sensitive fields
     */
    PartyExportRead(SqlBuilder criteria, Map<String, CustomFieldDefinitionDTO> definitions, boolean sensitiveShown) {
        this(criteria, null, definitions, sensitiveShown);
    }

    private PartyExportRead(SqlBuilder criteria, List<Long> ids, Map<String, CustomFieldDefinitionDTO> definitions, boolean sensitiveShown) {
        this.criteria = criteria;
        this.ids = ids;
        this.definitions = definitions;
        this.hidden = sensitiveShown ? null : SensitivePartyFields.of(definitions.values());
    }

    /**
     * The parties of {@code ids} (a chunk's worth), sensitive fields included. Each table is read by
     * its own party column with the ids ({@code IN}), never through a join to the parties, and on
     * Derby through an index led by that column, named: Derby probes an index once per id only when
     * the list is on the index's leading column, and left to choose it scanned whole tables right
     * after an import had filled a new database (its statistics still describing smaller tables,
     * most likely), once per chunk. See docs/performance.md, the re-import of unchanged rows.
     */
    static PartyExportRead ofIds(Collection<Long> ids, Map<String, CustomFieldDefinitionDTO> definitions) {
        return new PartyExportRead(new SqlBuilder(), List.copyOf(ids), definitions, true);
    }

    /** Hands every matching party to {@code sink} in id order; how many. */
    long run(Connection connection, RecordExport.Sink<? super PartyDTO> sink) throws SQLException, IOException {
        // the child cursors first: on Derby a party committed meanwhile may then appear without children, never the reverse
        try (ChildCursor classifications = cursor(connection, children("SELECT pc.party_id, pc.code",
                     "party_classification pc", "constraint=PK_PARTY_CLASSIFICATION", "pc.party_id"));
             ChildCursor externalIds = cursor(connection, children("SELECT pe.party_id, pe.source, pe.external_id",
                     "party_external_id pe", "constraint=PK_PARTY_EXTERNAL_ID", "pe.party_id"));
             ChildCursor mechanisms = cursor(connection, children("SELECT " + PartyExportRows.MECHANISM_COLUMNS,
                     "contact_mechanism cm", "constraint=FK_CONTACT_MECH_PARTY", "cm.party_id"));
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
                party.contactMechanisms.sort(BY_ID);
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
        if (ids != null) {
            return new SqlBuilder().append("SELECT " + PartyExportRows.PARTY_COLUMNS
                            + " FROM party p --DERBY-PROPERTIES constraint=PK_PARTY\n WHERE ")
                    .append(idsIn("p.id")).append(" ORDER BY p.id");
        }
        // Derby: the primary key read in order, no sort (as the list does in id order)
        return new SqlBuilder().append("SELECT " + PartyExportRows.PARTY_COLUMNS
                        + " FROM party p --DERBY-PROPERTIES constraint=PK_PARTY\n WHERE 1 = 1")
                .append(criteria).append(" ORDER BY p.id");
    }

    /**
     * The rows of a child {@code table} (with its alias) by party id. Without criteria (the whole
     * table, as an administrator's nightly file), the table alone, read on Derby in the order of
     * {@code derbyIndex} (an index led by the party id: no sort, no join); with criteria, joined to
     * {@code party p}, which they apply to. The aliases differ from those of the criteria's
     * subqueries ({@code c}, {@code t}, {@code v}).
     */
    private SqlBuilder children(String select, String table, String derbyIndex, String partyColumn) {
        if (ids != null) {
            return new SqlBuilder().append(select + " FROM " + table + " --DERBY-PROPERTIES " + derbyIndex + "\n WHERE ")
                    .append(idsIn(partyColumn))
                    .append(" ORDER BY " + partyColumn);
        }
        if (criteria.isEmpty()) {
            return new SqlBuilder().append(select + " FROM " + table + " --DERBY-PROPERTIES " + derbyIndex
                    + "\n ORDER BY " + partyColumn);
        }
        return new SqlBuilder().append(select + " FROM " + table + " JOIN party p ON p.id = " + partyColumn + " WHERE 1 = 1")
                .append(criteria).append(" ORDER BY " + partyColumn);
    }

    private SqlBuilder customValues() {
        if (ids != null) {
            // by ix_custom_value_entity, led by the entity id (the primary key is led by the entity type)
            return new SqlBuilder().append("SELECT cv.entity_id, cv.field_key, cv.text_value"
                            + " FROM custom_value cv --DERBY-PROPERTIES index=IX_CUSTOM_VALUE_ENTITY\n WHERE ")
                    .append(idsIn("cv.entity_id")).append(" AND cv.entity_type = ").param(EntityTypes.PARTY)
                    .append(" ORDER BY cv.entity_id");
        }
        if (criteria.isEmpty()) {
            return new SqlBuilder().append("SELECT cv.entity_id, cv.field_key, cv.text_value"
                            + " FROM custom_value cv --DERBY-PROPERTIES constraint=PK_CUSTOM_VALUE\n WHERE cv.entity_type = ")
                    .param(EntityTypes.PARTY).append(" ORDER BY cv.entity_id");
        }
        return new SqlBuilder().append("SELECT cv.entity_id, cv.field_key, cv.text_value FROM custom_value cv"
                        + " JOIN party p ON p.id = cv.entity_id WHERE cv.entity_type = ").param(EntityTypes.PARTY)
                .append(criteria).append(" ORDER BY cv.entity_id");
    }

    /** {@code column IN (?, …)} with the ids. */
    private SqlBuilder idsIn(String column) {
        SqlBuilder in = new SqlBuilder().append(column + " IN (");
        String separator = "";
        for (Long id : ids) {
            in.append(separator).param(id);
            separator = ", ";
        }
        return in.append(")");
    }

    /** As the list decodes a value: by its field's type, as text when the field is no longer defined. */
    private Object decode(String key, String text) {
        CustomFieldDefinitionDTO definition = definitions.get(key);
        CustomFieldType type = definition == null ? null : definition.type;
        return CustomValueCodec.fromText(type, text);
    }
}
