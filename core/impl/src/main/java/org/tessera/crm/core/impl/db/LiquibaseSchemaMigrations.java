package org.tessera.crm.core.impl.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import liquibase.resource.OSGiResourceAccessor;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.schema.SchemaMigrations;
import org.tessera.crm.core.api.security.Caller;

/**
 * {@link SchemaMigrations} for modules: runs a module's changelog from the module's own bundle
 * with the same {@link MigrationRunner} as the core, so every module gets the same Derby and
 * PostgreSQL handling and a history kept apart by changelog path.
 */
@Component(service = SchemaMigrations.class)
public class LiquibaseSchemaMigrations implements SchemaMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseSchemaMigrations.class);
    private final DataSource dataSource;

    @Activate
    public LiquibaseSchemaMigrations(
            @Reference(name = "dataSource", target = "(osgi.jndi.service.name=tessera)") DataSource dataSource,
            // modules migrate after the core, so they never race it to create Liquibase's history tables
            @Reference(name = "coreSchema", target = CoreSchema.TARGET) CoreSchema coreSchema) {
        this.dataSource = dataSource;
    }

    @Override
    public String migrate(String module, Bundle bundle, String changelogPath) {
        return new MigrationRunner(new OSGiResourceAccessor(bundle), changelogPath, module).migrate(dataSource);
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
        if ("core".equals(module)) {
            throw new IllegalArgumentException("the core's schema cannot be purged");
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                List<String> dropped = ModuleObjects.purge(connection, module, Caller.SYSTEM_LOGIN);
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
