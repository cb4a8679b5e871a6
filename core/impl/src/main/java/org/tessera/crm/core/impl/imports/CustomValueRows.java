package org.tessera.crm.core.impl.imports;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

import org.tessera.crm.core.impl.customfield.CustomValueCodec;
import org.tessera.crm.core.impl.entity.CustomValueEntity;

/** The custom values of new records as rows of a JDBC batch, as {@code CustomValueStore} would write them. */
final class CustomValueRows {
    static final String INSERT = "INSERT INTO custom_value (entity_type, entity_id, field_key, text_value,"
            + " text_prefix, number_value) VALUES (?, ?, ?, ?, ?, ?)";

    private CustomValueRows() {
    }

    /** Adds the normalized {@code values} of record {@code id} to the batch of {@code insert}; whether there were any. */
    static boolean add(PreparedStatement insert, String entityType, long id, Map<String, Object> values) throws SQLException {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String text = CustomValueCodec.toText(e.getValue());
            BigDecimal number = CustomValueCodec.toNumber(e.getValue());
            insert.setString(1, entityType);
            insert.setLong(2, id);
            insert.setString(3, e.getKey());
            insert.setString(4, text);
            insert.setString(5, CustomValueEntity.prefixOf(text));
            insert.setBigDecimal(6, number);
            insert.addBatch();
        }
        return !values.isEmpty();
    }
}
