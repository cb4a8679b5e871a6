package org.tessera.crm.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.ops4j.pax.exam.Option;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database of a Pax Exam run: the distribution's embedded Derby by default; with
 * {@code -Dtessera.itest.database=postgresql}, a PostgreSQL that this JVM starts from the embedded
 * binaries, and the distribution's DataSource pointed at it exactly as {@code bin/tessera-db
 * postgresql} writes it. Only the test JVM runs this class, never the container.
 */
final class ItestDatabase {
    static final String PROPERTY = "tessera.itest.database";
    private static final String DATASOURCE_CFG = "etc/org.ops4j.datasource-tessera.cfg";

    private ItestDatabase() {
    }

    static boolean postgres() {
        return "postgresql".equals(System.getProperty(PROPERTY, "derby"));
    }

    /** The container options that choose the database; none for Derby, the shipped default. */
    static List<Option> options() {
        if (!postgres()) {
            return List.of();
        }
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("the PostgreSQL of the Pax Exam run did not start", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL of the Pax Exam run did not stop: " + e);
            }
        }, "itest-postgres-stop"));
        try (Connection connection = server.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE tessera");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database of the Pax Exam run", e);
        }
        return List.of(
                editConfigurationFilePut(DATASOURCE_CFG, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
                editConfigurationFilePut(DATASOURCE_CFG, "dataSourceName", "tessera"),
                editConfigurationFilePut(DATASOURCE_CFG, "url", "jdbc:postgresql://localhost:" + server.getPort() + "/tessera"),
                editConfigurationFilePut(DATASOURCE_CFG, "user", "postgres"),
                // the embedded server trusts local connections
                editConfigurationFilePut(DATASOURCE_CFG, "password", "unused"),
                editConfigurationFilePut(DATASOURCE_CFG, "pool", "hikari"),
                editConfigurationFilePut(DATASOURCE_CFG, "xa", "false"),
                editConfigurationFilePut(DATASOURCE_CFG, "hikari.maximumPoolSize", "16"),
                editConfigurationFilePut(DATASOURCE_CFG, "hikari.poolName", "tessera"));
    }
}
