package org.tessera.crm.core.impl.db;

import javax.sql.DataSource;

import liquibase.resource.OSGiResourceAccessor;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.schema.SchemaMigrations;

/**
 * {@link SchemaMigrations} for modules: runs a module's changelog from the module's own bundle
 * with the same {@link MigrationRunner} as the core, so every module gets the same Derby and
 * PostgreSQL handling and a history kept apart by changelog path.
 */
@Component(service = SchemaMigrations.class)
public class LiquibaseSchemaMigrations implements SchemaMigrations {
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
}
