package org.tessera.crm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.tessera.crm.core.testkit.TestDatabase;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server of a {@code DB=postgresql} run, started by the bench from the embedded
 * binaries (PostgreSQL 14) with durable settings: the embedded server's test defaults turn fsync
 * and synchronous commit off, which would flatter every write figure. The server under test gets
 * the database {@code tessera} through {@code bin/tessera-db}; the raw baseline a fresh database
 * {@code raw} on the same server, so both pay the same commits and the same disk.
 */
final class BenchPostgres implements AutoCloseable {
    /** Multi-row inserts for JDBC batches: the server's DataSource and the raw baseline both use it. */
    static final String URL_OPTIONS = "?reWriteBatchedInserts=true";

    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private BenchPostgres(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    static BenchPostgres start(Path directory) throws Exception {
        RawJdbcLoader.delete(directory);
        Files.createDirectories(directory);
        Path data = directory.resolve("data");
        EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on")
                .setServerConfig("shared_buffers", "512MB").setServerConfig("max_connections", "200")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements") // the load phase reports where the database spent its time
                .start();
        BenchPostgres postgres = new BenchPostgres(server, data);
        postgres.sql("CREATE DATABASE tessera");
        return postgres;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database + URL_OPTIONS;
    }

    /** Points the distribution at the database {@code tessera}, as an operator does. */
    void configure(Path dist, int poolSize) throws IOException, InterruptedException {
        Path passwordFile = dist.resolve("bench-db.password");
        Files.writeString(passwordFile, "trusted-locally\n");
        Process process = new ProcessBuilder(List.of("sh", dist.resolve("bin/tessera-db").toString(), "postgresql", "--url", jdbcUrl("tessera"),
                "--user", "postgres", "--password-file", passwordFile.toString(), "--pool-size", Integer.toString(poolSize)))
                .inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("bin/tessera-db postgresql failed");
        }
    }

    /** An empty database {@code raw} (dropped first if an earlier load left one). */
    TestDatabase freshRawDatabase() throws SQLException {
        sql("DROP DATABASE IF EXISTS raw");
        sql("CREATE DATABASE raw");
        DataSource raw = server.getDatabase("postgres", "raw", java.util.Map.of("reWriteBatchedInserts", "true"));
        return TestDatabase.of(raw);
    }

    /** The database the server under test uses, for writes while it is stopped. */
    TestDatabase serverDatabase() {
        return TestDatabase.of(server.getDatabase("postgres", "tessera", java.util.Map.of("reWriteBatchedInserts", "true")));
    }

    /** Refreshes the planner's statistics of the server's database after a bulk write. */
    void analyze() throws SQLException {
        try (Connection connection = serverDatabase().dataSource().getConnection(); Statement s = connection.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    /** Forgets the statement statistics gathered so far, so that {@link #busiestStatements} covers what follows. */
    void resetStatementStatistics() throws SQLException {
        try (Connection connection = serverDatabase().dataSource().getConnection(); Statement s = connection.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /**
     * The statements of the server's database that took the most execution time since the last
     * {@link #resetStatementStatistics}, one line each: total milliseconds, calls, rows, the text.
     */
    List<String> busiestStatements(int count) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = serverDatabase().dataSource().getConnection();
                PreparedStatement s = connection.prepareStatement("SELECT total_exec_time, calls, rows, query"
                        + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                        + " ORDER BY total_exec_time DESC LIMIT ?")) {
            s.setInt(1, count);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    String query = rows.getString(4).replaceAll("\\s+", " ");
                    lines.add(String.format("%,10.0f ms %,9d calls %,10d rows  %s", rows.getDouble(1), rows.getLong(2), rows.getLong(3),
                            query.length() > 160 ? query.substring(0, 160) + "..." : query));
                }
            }
        }
        return lines;
    }

    /**
     * What the planner believes of the tables an import fills, one line each: the rows in its
     * statistics beside the rows there are, and when autovacuum last analyzed the table.
     */
    List<String> plannerStatistics() throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = serverDatabase().dataSource().getConnection();
                Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery("SELECT c.relname, c.reltuples, t.n_live_tup, t.last_autoanalyze"
                        + " FROM pg_class c JOIN pg_stat_user_tables t ON t.relid = c.oid WHERE c.relname IN ('party', 'contact_mechanism',"
                        + " 'custom_value', 'party_external_id', 'party_search_term', 'party_match_key') ORDER BY c.relname")) {
            while (rows.next()) {
                lines.add(String.format("%-20s planner's rows %,12.0f, rows %,12d, last analyzed %s", rows.getString(1), rows.getDouble(2),
                        rows.getLong(3), rows.getTimestamp(4)));
            }
        }
        return lines;
    }

    /**
     * The CPU seconds the PostgreSQL server and its backends used so far (from /proc), to tell how
     * busy the database was during a measurement: the difference over a round, divided by the
     * round's seconds, is the cores it kept busy.
     */
    double cpuSeconds() throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        Optional<ProcessHandle> root = ProcessHandle.of(postmaster);
        if (root.isEmpty()) {
            return 0;
        }
        double ticks = ticks(postmaster);
        for (ProcessHandle child : (Iterable<ProcessHandle>) root.get().descendants()::iterator) {
            ticks += ticks(child.pid());
        }
        return ticks / 100.0; // USER_HZ
    }

    private static double ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
