package org.tessera.crm.core.kit.jpa;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.descriptors.DescriptorEvent;
import org.eclipse.persistence.descriptors.DescriptorEventAdapter;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.eclipse.persistence.mappings.AggregateCollectionMapping;
import org.eclipse.persistence.mappings.AggregateObjectMapping;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.DirectCollectionMapping;
import org.eclipse.persistence.mappings.DirectMapMapping;
import org.eclipse.persistence.mappings.DirectToFieldMapping;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.kit.FieldErrors;

/**
 * The columns of a persistence unit as the database declares them (size, scale, nullability),
 * checked against every entity EclipseLink is about to insert or update. A string longer than its
 * column, a number with more integer digits than its column, or a missing value for a NOT NULL
 * column is refused with a 422 naming the entity's attribute, before the database refuses it
 * without saying which column. The limits are read from the database, not from annotations, so
 * they are the ones the changelog created. {@link JpaTemplateTx} installs them on its unit's first
 * transaction; a test's own transaction helper calls {@link #install} once per unit.
 */
public final class ColumnLimits {
    private record Column(int size, int scale, boolean nullable, boolean text, boolean numeric) {
    }

    private final Map<String, Column> columns;

    private ColumnLimits(Map<String, Column> columns) {
        this.columns = columns;
    }

    /** Reads the limits of the unit's tables through {@code em}'s connection and hooks them into its descriptors. */
    public static ColumnLimits install(EntityManager em) {
        Collection<ClassDescriptor> descriptors = em.unwrap(JpaEntityManager.class).getServerSession().getDescriptors().values();
        Set<String> tables = new LinkedHashSet<>();
        for (ClassDescriptor descriptor : descriptors) {
            descriptor.getTables().forEach(table -> tables.add(table.getName()));
            for (DatabaseMapping mapping : descriptor.getMappings()) {
                if (mapping instanceof DirectCollectionMapping collection) {
                    tables.add(collection.getReferenceTable().getName());
                } else if (mapping instanceof AggregateCollectionMapping aggregates) {
                    aggregates.getReferenceDescriptor().getTables().forEach(table -> tables.add(table.getName()));
                }
            }
        }
        ColumnLimits limits = new ColumnLimits(read(em.unwrap(Connection.class), tables));
        for (ClassDescriptor descriptor : descriptors) {
            if (!descriptor.isAggregateDescriptor() && !descriptor.isAggregateCollectionDescriptor()) {
                // a unit's Tx may be registered again over the same factory (its schema marker came back):
                // the check installed the first time stays, the columns have not changed
                if (descriptor.getEventManager().getEventListeners().stream().noneMatch(Checker.class::isInstance)) {
                    descriptor.getEventManager().addListener(limits.new Checker(descriptor));
                }
            }
        }
        return limits;
    }

    private static Map<String, Column> read(Connection connection, Set<String> tables) {
        Map<String, Column> columns = new HashMap<>();
        try {
            DatabaseMetaData metaData = connection.getMetaData();
            for (String table : tables) {
                // Derby keeps unquoted names in upper case, PostgreSQL in lower case.
                for (String stored : Set.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
                    try (ResultSet rows = metaData.getColumns(null, null, stored, null)) {
                        while (rows.next()) {
                            int type = rows.getInt("DATA_TYPE");
                            columns.put(key(table, rows.getString("COLUMN_NAME")), new Column(rows.getInt("COLUMN_SIZE"),
                                    rows.getInt("DECIMAL_DIGITS"), rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                                    type == Types.VARCHAR || type == Types.CHAR || type == Types.NVARCHAR,
                                    type == Types.DECIMAL || type == Types.NUMERIC));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            // Without limits the database still refuses bad values, translated by DatabaseRefusals.
            return Map.of();
        }
        return columns;
    }

    /** Checks an entity of one descriptor before EclipseLink inserts or updates it. */
    private final class Checker extends DescriptorEventAdapter {
        private final ClassDescriptor descriptor;

        Checker(ClassDescriptor descriptor) {
            this.descriptor = descriptor;
        }

        @Override
        public void preInsert(DescriptorEvent event) {
            check(descriptor, event.getObject());
        }

        @Override
        public void preUpdateWithChanges(DescriptorEvent event) {
            check(descriptor, event.getObject());
        }
    }

    void check(ClassDescriptor descriptor, Object entity) {
        FieldErrors errors = new FieldErrors();
        List<DatabaseField> keys = descriptor.getPrimaryKeyFields();
        checkMappings(descriptor, entity, "", descriptor.getTableName(), keys, errors);
        errors.throwIfAny();
    }

    private void checkMappings(ClassDescriptor descriptor, Object object, String prefix, String defaultTable,
            List<DatabaseField> skipped, FieldErrors errors) {
        for (DatabaseMapping mapping : descriptor.getMappings()) {
            String path = prefix + mapping.getAttributeName();
            if (mapping instanceof DirectToFieldMapping direct) {
                DatabaseField field = direct.getField();
                if (!direct.isReadOnly() && !skipped.contains(field) && !isVersion(descriptor, field)) {
                    checkValue(table(field, defaultTable), field.getName(), path, direct.getAttributeValueFromObject(object), errors);
                }
            } else if (mapping instanceof AggregateObjectMapping embedded) {
                Object value = embedded.getAttributeValueFromObject(object);
                if (value != null) {
                    checkMappings(embedded.getReferenceDescriptor(), value, path + ".", defaultTable, List.of(), errors);
                }
            } else if (mapping instanceof DirectMapMapping map) {
                if (map.getAttributeValueFromObject(object) instanceof Map<?, ?> entries) {
                    String table = map.getReferenceTable().getName();
                    entries.forEach((key, value) -> {
                        checkValue(table, map.getDirectKeyField().getName(), path, key, errors);
                        checkValue(table, map.getDirectField().getName(), path + "." + key, value, errors);
                    });
                }
            } else if (mapping instanceof DirectCollectionMapping collection) {
                if (collection.getAttributeValueFromObject(object) instanceof Collection<?> values) {
                    int index = 0;
                    for (Object value : values) {
                        checkValue(collection.getReferenceTable().getName(), collection.getDirectField().getName(),
                                path + "[" + index++ + "]", value, errors);
                    }
                }
            } else if (mapping instanceof AggregateCollectionMapping aggregates) {
                if (aggregates.getAttributeValueFromObject(object) instanceof Collection<?> elements) {
                    ClassDescriptor element = aggregates.getReferenceDescriptor();
                    int index = 0;
                    for (Object value : elements) {
                        checkMappings(element, value, path + "[" + index++ + "].", element.getTableName(), List.of(), errors);
                    }
                }
            }
        }
    }

    private void checkValue(String table, String column, String path, Object value, FieldErrors errors) {
        Column limit = columns.get(key(table, column));
        if (limit == null) {
            return;
        }
        if (value == null) {
            if (!limit.nullable()) {
                errors.add(FieldError.required(path));
            }
        } else if (value instanceof String text && limit.text() && limit.size() > 0 && text.length() > limit.size()) {
            errors.add(new FieldError(path, "too_long", "must be at most " + limit.size() + " characters"));
        } else if (value instanceof BigDecimal number && limit.numeric() && limit.size() > 0
                && number.precision() - number.scale() > limit.size() - limit.scale()) {
            errors.add(new FieldError(path, "out_of_range",
                    "must have at most " + (limit.size() - limit.scale()) + " digits before the decimal point"));
        }
    }

    private static boolean isVersion(ClassDescriptor descriptor, DatabaseField field) {
        return descriptor.usesOptimisticLocking() && descriptor.getOptimisticLockingPolicy().getWriteLockField() != null
                && descriptor.getOptimisticLockingPolicy().getWriteLockField().equals(field);
    }

    private static String table(DatabaseField field, String defaultTable) {
        String table = field.getTableName();
        return table == null || table.isEmpty() ? defaultTable : table;
    }

    private static String key(String table, String column) {
        return (table + "." + column).toLowerCase(Locale.ROOT);
    }
}
