package org.tessera.crm.core.migrations.impl;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.FastCheckService;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a changelog to a DataSource with Liquibase and records what it created in the module
 * ledger ({@link ModuleObjects}). Plain Java, so that tests run it without OSGi (through the test
 * kit); in the server, the {@link ChangelogExtender} runs it from each module bundle's resources.
 * The history goes to the shared default DATABASECHANGELOG table: bundles stay apart by changelog
 * path (per-bundle table names with '_' break on Derby 10.14).
 */
public class MigrationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    private final ResourceAccessor resources;
    private final String changelog;
    private final String module;

    /**
     * A runner of {@code changelog}, found through {@code resources}, for the schema of {@code module}.
     * The core's changelog must have run before any module's: it creates the ledger.
     */
    public MigrationRunner(ResourceAccessor resources, String changelog, String module) {
        this.resources = resources;
        this.changelog = changelog;
        this.module = module;
    }

    /**
     * Runs the pending changesets; does nothing when the schema is current.
     *
     * @return the id of the changelog's last changeset, the schema version now in place
     * @throws IllegalStateException when the changelog cannot be read or a changeset fails
     */
    public String migrate(DataSource dataSource) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            if (database instanceof DerbyDatabase derby) {
                // Liquibase otherwise shuts the embedded Derby down when it closes the database.
                derby.setShutdownEmbeddedDerby(false);
            }
            // Liquibase caches, per database URL, the ran changesets and whether a changelog is up to
            // date: read them afresh, since a purge (or another node) may have changed the history.
            ChangeLogHistoryServiceFactory.getInstance().getChangeLogService(database).reset();
            Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
            Liquibase liquibase = new Liquibase(changelog, resources, database);
            liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
            int pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
            if (pending > 0) {
                // Liquibase's console output (changeset names, summary) goes to its logger, not stdout.
                // With nothing pending, update would only compute the same list again (at each start).
                Scope.child(Scope.Attr.ui.name(), new LoggerUIService(),
                        () -> liquibase.update(new Contexts(), new LabelExpression()));
            }
            List<ChangeSet> changeSets = liquibase.getDatabaseChangeLog().getChangeSets();
            ModuleObjects.record(connection, module, changeSets);
            if (!connection.getAutoCommit()) {
                // Liquibase leaves its last read open; Derby refuses to close a connection mid-transaction.
                connection.commit();
            }
            String version = changeSets.isEmpty() ? null : changeSets.get(changeSets.size() - 1).getId();
            LOG.info("Schema of {} migrated on {} to version {}: {} changeset(s) applied in {} ms", module,
                    database.getDatabaseProductName(), version, pending, (System.nanoTime() - started) / 1_000_000);
            return version;
        } catch (Exception e) {
            // Liquibase throws checked exceptions of its own; the caller (the extender, a test) decides what a failure means.
            throw new IllegalStateException("migration of the " + module + " schema (" + changelog + ") failed: " + e.getMessage(), e);
        }
    }
}
