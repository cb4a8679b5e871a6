package org.tessera.crm.core.impl.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A database for one test class: embedded Derby in a temporary directory, or an embedded PostgreSQL. */
public interface TestDatabase extends AutoCloseable {
    DataSource dataSource();

    static TestDatabase derby() throws Exception {
        Path directory = Files.createTempDirectory("tessera-derby");
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(directory.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        return new TestDatabase() {
            @Override
            public DataSource dataSource() {
                return dataSource;
            }

            @Override
            public void close() throws Exception {
                EmbeddedDataSource shutdown = new EmbeddedDataSource();
                shutdown.setDatabaseName(directory.resolve("db").toString());
                shutdown.setShutdownDatabase("shutdown");
                try {
                    shutdown.getConnection().close();
                } catch (SQLException expected) {
                    // Derby reports a successful shutdown as SQLState 08006.
                }
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        };
    }

    static TestDatabase postgres() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.start();
        return new TestDatabase() {
            @Override
            public DataSource dataSource() {
                return postgres.getPostgresDatabase();
            }

            @Override
            public void close() throws Exception {
                postgres.close();
            }
        };
    }
}
