package org.tessera.crm.core.migrations.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.audit.FieldChangeDTO;
import org.tessera.crm.core.api.schema.SchemaMigrations;
import org.tessera.crm.core.api.schema.SchemaReady;

/**
 * {@link SchemaMigrations} over the module ledger that {@link MigrationRunner} keeps. A purge is
 * audited through the core's {@link AuditRecorder} on the purge's own connection, so the record
 * commits or rolls back with the dropped tables.
 */
@Component(service = SchemaMigrations.class)
public class LiquibaseSchemaMigrations implements SchemaMigrations {
    /** The audited entity type of a purge. */
    static final String AUDITED_TYPE = "MODULE";
    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseSchemaMigrations.class);

    private final DataSource dataSource;
    private final AuditRecorder audit;

    @Activate
    public LiquibaseSchemaMigrations(
            @Reference(name = "dataSource", target = "(osgi.jndi.service.name=tessera)") DataSource dataSource,
            @Reference(name = "audit") AuditRecorder audit,
            // the ledger is a table of the core's schema
            @Reference(name = "coreSchema", target = SchemaReady.CORE_TARGET) SchemaReady coreSchema) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    @Override
    public Optional<String> appliedVersion(String module) {
        try (Connection connection = dataSource.getConnection()) {
            return ModuleObjects.appliedVersion(connection, module);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the schema version of " + module, e);
        }
    }

    @Override
    public List<String> purge(String module) {
        if (SchemaReady.CORE.equals(module)) {
            throw new IllegalArgumentException("the core's schema cannot be purged");
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                List<String> dropped = ModuleObjects.purge(connection, module);
                audit.recordChanges(connection, AUDITED_TYPE, module, AuditAction.DELETE,
                        dropped.stream().map(object -> new FieldChangeDTO("schema", object, null)).toList());
                connection.commit();
                LOG.warn("Schema of module {} purged: dropped {}", module, dropped);
                return dropped;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("purge of " + module + " failed: " + e.getMessage(), e);
        }
    }
}
