package org.tessera.crm.core.impl.imports.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tessera.crm.core.api.imports.ImportFormat;
import org.tessera.crm.core.api.imports.ImportJobState;
import org.tessera.crm.core.api.imports.ImportReportRow;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * The jobs and their reports in the core's database, in plain SQL on the core unit's connection.
 * Who may see a job is part of each query: {@code viewer} is the caller's login, or {@code null}
 * for a caller who sees every job. A node works a job under a claim with a lease ({@code claimed_by},
 * {@code claimed_until}), taken and renewed by conditional UPDATEs: the row's lock orders a claim
 * against a renewal, so that two nodes never both hold a job, on Derby as on PostgreSQL.
 */
final class ImportJobStore {
    private static final String COLUMNS = "id, entity_type, file_format, column_mapping, file_name, state, message, submitted_by,"
            + " run_as_system, caller_roles, caller_unit, submitted_at, started_at, finished_at, total_rows, last_line, rows_read,"
            + " created_count, updated_count, unchanged_count, rejected_count, run_millis, claimed_by, claimed_until, file_parts";
    /** A job no live node works: never claimed, released, or its claimant's lease ran out (or it is ours). */
    private static final String CLAIMABLE = "(claimed_until IS NULL OR claimed_until < ? OR claimed_by = ?)";
    private static final TypeReference<LinkedHashMap<String, String>> MAPPING = new TypeReference<>() {
    };
    /** Reasons longer than the column are cut: a report row must never fail its chunk's progress. */
    private static final int TEXT_LIMIT = 2000;
    private static final int REPORT_PAGE = 500;

    private final Tx tx;
    private final ObjectMapper mapper;

    ImportJobStore(Tx tx, ObjectMapper mapper) {
        this.tx = tx;
        this.mapper = mapper;
    }

    void insert(StoredJob job) {
        jdbc(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO import_job (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = 0;
                insert.setString(++i, job.id);
                insert.setString(++i, job.entityType);
                insert.setString(++i, job.format.name());
                insert.setString(++i, job.mapping.isEmpty() ? null : json(job.mapping));
                insert.setString(++i, cut(job.fileName, 300));
                insert.setString(++i, job.state.name());
                insert.setString(++i, cut(job.message, TEXT_LIMIT));
                insert.setString(++i, job.submittedBy);
                insert.setInt(++i, job.runAsSystem ? 1 : 0);
                insert.setString(++i, job.callerRoles.isEmpty() ? null : String.join(",", job.callerRoles));
                insert.setString(++i, job.callerUnit);
                insert.setTimestamp(++i, Timestamp.from(job.submittedAt));
                insert.setNull(++i, Types.TIMESTAMP);
                insert.setNull(++i, Types.TIMESTAMP);
                insert.setLong(++i, job.totalRows);
                for (int zero = 0; zero < 7; zero++) {
                    insert.setLong(++i, 0);
                }
                insert.setNull(++i, Types.VARCHAR);
                insert.setNull(++i, Types.TIMESTAMP);
                if (job.fileParts == null) {
                    insert.setNull(++i, Types.INTEGER);
                } else {
                    insert.setInt(++i, job.fileParts);
                }
                insert.executeUpdate();
            }
            return null;
        });
    }

    Optional<StoredJob> find(String id, String viewer) {
        return jdbc(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM import_job WHERE id = ?"
                    + (viewer == null ? "" : " AND submitted_by = ?"))) {
                select.setString(1, id);
                if (viewer != null) {
                    select.setString(2, viewer);
                }
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows)) : Optional.empty();
                }
            }
        });
    }

    List<StoredJob> list(String viewer, int limit) {
        return jdbc(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM import_job"
                    + (viewer == null ? "" : " WHERE submitted_by = ?") + " ORDER BY submitted_at DESC, id FETCH FIRST " + limit
                    + " ROWS ONLY")) {
                if (viewer != null) {
                    select.setString(1, viewer);
                }
                return readAll(select);
            }
        });
    }

    /**
     * The jobs not finished that {@code node} may work, oldest first: the worker's queue. A RUNNING
     * one was released by a stop, or its claimant's lease ran out (the node died), or it is ours.
     */
    List<StoredJob> claimable(String node, Instant now) {
        return jdbc(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM import_job"
                    + " WHERE state IN ('QUEUED', 'RUNNING') AND " + CLAIMABLE + " ORDER BY submitted_at, id")) {
                select.setTimestamp(1, Timestamp.from(now));
                select.setString(2, node);
                return readAll(select);
            }
        });
    }

    /**
     * Claims a job for {@code node} until {@code until} and marks it running (its first start, or a
     * resume): {@code false} if it ended meanwhile or another node holds a live claim on it.
     */
    boolean claim(String id, String node, Instant now, Instant until) {
        return jdbc(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE import_job SET state = 'RUNNING', message = NULL,"
                    + " started_at = COALESCE(started_at, ?), claimed_by = ?, claimed_until = ?"
                    + " WHERE id = ? AND state IN ('QUEUED', 'RUNNING') AND " + CLAIMABLE)) {
                int i = 0;
                update.setTimestamp(++i, Timestamp.from(now));
                update.setString(++i, node);
                update.setTimestamp(++i, Timestamp.from(until));
                update.setString(++i, id);
                update.setTimestamp(++i, Timestamp.from(now));
                update.setString(++i, node);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Extends {@code node}'s lease on a job: {@code false} if the node no longer holds the claim. */
    boolean renew(String id, String node, Instant until) {
        return jdbc(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE import_job SET claimed_until = ?"
                    + " WHERE id = ? AND claimed_by = ?")) {
                update.setTimestamp(1, Timestamp.from(until));
                update.setString(2, id);
                update.setString(3, node);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Lets go of {@code node}'s claim (a stop): another node may take the job at once. */
    void release(String id, String node) {
        jdbc(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE import_job SET claimed_by = NULL, claimed_until = NULL"
                    + " WHERE id = ? AND claimed_by = ?")) {
                update.setString(1, id);
                update.setString(2, node);
                return update.executeUpdate();
            }
        });
    }

    /** Says why a queued job waits, unless it already says so. */
    void waiting(String id, String message) {
        jdbc(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE import_job SET message = ?"
                    + " WHERE id = ? AND state = 'QUEUED' AND (message IS NULL OR message <> ?)")) {
                update.setString(1, cut(message, TEXT_LIMIT));
                update.setString(2, id);
                update.setString(3, cut(message, TEXT_LIMIT));
                update.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Records a committed chunk in one transaction, if {@code node} still holds the job: the counts,
     * the line reached, the time spent, the report rows, and the lease renewed to {@code until}. A
     * job cancelled meanwhile still records the chunk (its rows are written).
     *
     * @return the job's state afterwards, or {@code null} when another node has taken the job over
     *     (nothing is recorded: that node resumes after the last chunk recorded)
     */
    ImportJobState recordChunk(String id, String node, Instant until, ChunkResult chunk) {
        return jdbc(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE import_job SET last_line = ?, rows_read = rows_read + ?,"
                    + " created_count = created_count + ?, updated_count = updated_count + ?, unchanged_count = unchanged_count + ?,"
                    + " rejected_count = rejected_count + ?, run_millis = run_millis + ?, claimed_until = ?"
                    + " WHERE id = ? AND claimed_by = ?")) {
                int i = 0;
                update.setLong(++i, chunk.lastLine());
                update.setLong(++i, chunk.rows());
                update.setLong(++i, chunk.report().created);
                update.setLong(++i, chunk.report().updated);
                update.setLong(++i, chunk.report().unchanged);
                update.setLong(++i, chunk.report().rejected);
                update.setLong(++i, chunk.millis());
                update.setTimestamp(++i, Timestamp.from(until));
                update.setString(++i, id);
                update.setString(++i, node);
                if (update.executeUpdate() == 0) {
                    return null;
                }
            }
            insertReport(connection, id, chunk.reportRows());
            try (PreparedStatement select = connection.prepareStatement("SELECT state FROM import_job WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return ImportJobState.valueOf(rows.getString(1));
                }
            }
        });
    }

    /**
     * Ends a job that is still running (or queued): {@code false} if it had ended (cancelled) already,
     * or, with a {@code node}, if that node no longer holds it. A cancel passes no node: it ends the
     * job whoever works it, and that node stops after its chunk.
     */
    boolean finish(String id, ImportJobState state, String message, Instant now, String node) {
        return jdbc(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE import_job SET state = ?, message = ?, finished_at = ?,"
                    + " claimed_until = NULL WHERE id = ? AND state IN ('QUEUED', 'RUNNING')" + (node == null ? "" : " AND claimed_by = ?"))) {
                update.setString(1, state.name());
                update.setString(2, cut(message, TEXT_LIMIT));
                update.setTimestamp(3, Timestamp.from(now));
                update.setString(4, id);
                if (node != null) {
                    update.setString(5, node);
                }
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Streams the report of a job in line order, a page at a time, each page its own short read. */
    void report(String id, ReportSink sink) throws java.io.IOException {
        long afterLine = -1;
        int afterSeq = -1;
        while (true) {
            long line = afterLine;
            int seq = afterSeq;
            List<Entry> page = jdbc(connection -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT line_no, seq, col, field, code, message, duplicate_of"
                        + " FROM import_job_row WHERE job_id = ? AND (line_no > ? OR (line_no = ? AND seq > ?))"
                        + " ORDER BY line_no, seq FETCH FIRST " + REPORT_PAGE + " ROWS ONLY")) {
                    select.setString(1, id);
                    select.setLong(2, line);
                    select.setLong(3, line);
                    select.setInt(4, seq);
                    List<Entry> rows = new ArrayList<>();
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            ImportReportRow row = new ImportReportRow();
                            row.line = result.getLong(1);
                            row.column = result.getString(3);
                            row.field = result.getString(4);
                            row.code = result.getString(5);
                            row.message = result.getString(6);
                            String duplicates = result.getString(7);
                            if (duplicates != null && !duplicates.isEmpty()) {
                                row.duplicateOf = new ArrayList<>(Arrays.asList(duplicates.split(",")));
                            }
                            rows.add(new Entry(row, result.getInt(2)));
                        }
                    }
                    return rows;
                }
            });
            for (Entry entry : page) {
                sink.accept(entry.row());
            }
            if (page.size() < REPORT_PAGE) {
                return;
            }
            afterLine = page.get(page.size() - 1).row().line;
            afterSeq = page.get(page.size() - 1).seq();
        }
    }

    /** A report row and its position within its line. */
    private record Entry(ImportReportRow row, int seq) {
    }

    /** Where report rows go. */
    @FunctionalInterface
    interface ReportSink {
        void accept(ImportReportRow row) throws java.io.IOException;
    }

    private void insertReport(Connection connection, String id, List<ImportReportRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO import_job_row"
                + " (job_id, line_no, seq, col, field, code, message, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            long line = -1;
            int seq = 0;
            for (ImportReportRow row : rows) {
                seq = row.line == line ? seq + 1 : 0;
                line = row.line;
                insert.setString(1, id);
                insert.setLong(2, row.line);
                insert.setInt(3, seq);
                insert.setString(4, cut(row.column, 300));
                insert.setString(5, cut(row.field, 300));
                insert.setString(6, cut(row.code, 60));
                insert.setString(7, cut(row.message, TEXT_LIMIT));
                insert.setString(8, row.duplicateOf.isEmpty() ? null : cut(String.join(",", row.duplicateOf), TEXT_LIMIT));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private List<StoredJob> readAll(PreparedStatement select) throws SQLException {
        List<StoredJob> jobs = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                jobs.add(read(rows));
            }
        }
        return jobs;
    }

    private StoredJob read(ResultSet rows) throws SQLException {
        StoredJob job = new StoredJob();
        int i = 0;
        job.id = rows.getString(++i);
        job.entityType = rows.getString(++i);
        job.format = ImportFormat.valueOf(rows.getString(++i));
        String mapping = rows.getString(++i);
        job.mapping = mapping == null ? new LinkedHashMap<>() : parseMapping(mapping);
        job.fileName = rows.getString(++i);
        job.state = ImportJobState.valueOf(rows.getString(++i));
        job.message = rows.getString(++i);
        job.submittedBy = rows.getString(++i);
        job.runAsSystem = rows.getInt(++i) == 1;
        String roles = rows.getString(++i);
        job.callerRoles = roles == null ? java.util.Set.of() : new LinkedHashSet<>(Arrays.asList(roles.split(",")));
        job.callerUnit = rows.getString(++i);
        job.submittedAt = instant(rows.getTimestamp(++i));
        job.startedAt = instant(rows.getTimestamp(++i));
        job.finishedAt = instant(rows.getTimestamp(++i));
        job.totalRows = rows.getLong(++i);
        job.lastLine = rows.getLong(++i);
        job.rowsRead = rows.getLong(++i);
        job.created = rows.getLong(++i);
        job.updated = rows.getLong(++i);
        job.unchanged = rows.getLong(++i);
        job.rejected = rows.getLong(++i);
        job.runMillis = rows.getLong(++i);
        job.claimedBy = rows.getString(++i);
        job.claimedUntil = instant(rows.getTimestamp(++i));
        int parts = rows.getInt(++i);
        job.fileParts = rows.wasNull() ? null : parts;
        return job;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private String json(Map<String, String> mapping) {
        try {
            return mapper.writeValueAsString(mapping);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> parseMapping(String json) {
        try {
            return mapper.readValue(json, MAPPING);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable mapping of an import job", e);
        }
    }

    private static String cut(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    private <R> R jdbc(JobSql.Work<R> work) {
        return JobSql.run(tx, "import job storage", work);
    }
}
