package org.tessera.crm.core.impl.imports.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;


import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * The files of import jobs, in the database ({@code import_job_file}) so that any node can run or
 * resume a job: the upload is cut into parts of {@link #PART_BYTES} while it is read, each part
 * inserted in its own short transaction (memory holds one part, never the file), and counted in
 * lines on the way. The job row is inserted after its last part, with the number of parts: a job
 * never names a file that is not all there, and a reader that misses a part fails rather than
 * reading a truncated file. Parts left by an upload whose node died before queueing its job are
 * swept by {@link #sweep}.
 */
final class ImportFiles {
    /** About 1 MiB: one insert per part, one part in memory per reader. */
    static final int PART_BYTES = 1 << 20;

    /** What was received: its size, lines (a last line without a newline counts) and parts. */
    record Received(long bytes, long lines, int parts) {
    }

    private final Tx tx;
    private final int partBytes;

    ImportFiles(Tx tx) {
        this(tx, PART_BYTES);
    }

    ImportFiles(Tx tx, int partBytes) {
        if (partBytes < 1) {
            throw new IllegalArgumentException("partBytes must be positive");
        }
        this.tx = tx;
        this.partBytes = partBytes;
    }

    /** Stores the upload of a job, part by part; on a failure, the parts written are deleted. */
    Received write(String jobId, InputStream upload) {
        checkId(jobId);
        try {
            long bytes = 0;
            long lines = 0;
            int parts = 0;
            int last = '\n';
            byte[] part = new byte[partBytes];
            while (true) {
                int filled = upload.readNBytes(part, 0, partBytes);
                if (filled == 0) {
                    break;
                }
                for (int i = 0; i < filled; i++) {
                    if (part[i] == '\n') {
                        lines++;
                    }
                }
                last = part[filled - 1];
                bytes += filled;
                insertPart(jobId, parts++, filled == partBytes ? part : Arrays.copyOf(part, filled));
                if (filled < partBytes) {
                    break;
                }
            }
            if (last != '\n') {
                lines++;
            }
            return new Received(bytes, lines, parts);
        } catch (IOException e) {
            delete(jobId);
            throw new UncheckedIOException("the upload of import job " + jobId + " could not be stored", e);
        } catch (RuntimeException e) {
            delete(jobId);
            throw e;
        }
    }

    /** The file of a job of {@code parts} parts, read a part at a time, each in its own short transaction. */
    InputStream open(String jobId, int parts) {
        checkId(jobId);
        return new PartsStream(jobId, parts);
    }

    /** The parts stored for a job. */
    int parts(String jobId) {
        return jdbc(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM import_job_file WHERE job_id = ?")) {
                select.setString(1, jobId);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    void delete(String jobId) {
        jdbc(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM import_job_file WHERE job_id = ?")) {
                delete.setString(1, jobId);
                return delete.executeUpdate();
            }
        });
    }

    /**
     * Deletes the parts no job needs any more: those of finished jobs (whose worker died before it
     * deleted them, or which were cancelled while another node ran them), and those without a job
     * written before {@code orphanedBefore} (an upload whose node died; younger ones may be an upload
     * still coming in). Returns the parts deleted.
     */
    int sweep(Instant orphanedBefore) {
        return jdbc(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM import_job_file WHERE job_id IN"
                    + " (SELECT id FROM import_job WHERE state NOT IN ('QUEUED', 'RUNNING'))"
                    + " OR (written_at < ? AND NOT EXISTS (SELECT 1 FROM import_job j WHERE j.id = import_job_file.job_id))")) {
                delete.setTimestamp(1, Timestamp.from(orphanedBefore));
                return delete.executeUpdate();
            }
        });
    }

    private void insertPart(String jobId, int partNo, byte[] bytes) {
        jdbc(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO import_job_file (job_id, part_no, bytes, written_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, jobId);
                insert.setInt(2, partNo);
                insert.setBytes(3, bytes);
                insert.setTimestamp(4, Timestamp.from(Times.now()));
                return insert.executeUpdate();
            }
        });
    }

    private byte[] readPart(String jobId, int partNo) {
        return jdbc(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT bytes FROM import_job_file WHERE job_id = ? AND part_no = ?")) {
                select.setString(1, jobId);
                select.setInt(2, partNo);
                try (ResultSet rows = select.executeQuery()) {
                    // read within the transaction: a Derby BLOB is not readable after it
                    return rows.next() ? rows.getBytes(1) : null;
                }
            }
        });
    }

    private static void checkId(String jobId) {
        if (jobId == null || !jobId.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not a job id: " + jobId);
        }
    }

    /** A job's file as a stream, holding one part in memory. */
    private final class PartsStream extends InputStream {
        private final String jobId;
        private final int parts;
        private int nextPart;
        private byte[] part = new byte[0];
        private int position;

        PartsStream(String jobId, int parts) {
            this.jobId = jobId;
            this.parts = parts;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return part[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int count = Math.min(length, part.length - position);
            System.arraycopy(part, position, buffer, offset, count);
            position += count;
            return count;
        }

        /** Whether bytes are left, reading the next part when this one is consumed. */
        private boolean fill() throws IOException {
            while (position == part.length) {
                if (nextPart == parts) {
                    return false;
                }
                byte[] read;
                try {
                    read = readPart(jobId, nextPart);
                } catch (RuntimeException e) {
                    throw new IOException("part " + nextPart + " of the file of import job " + jobId + " cannot be read: "
                            + e.getMessage(), e);
                }
                if (read == null) {
                    throw new IOException("part " + nextPart + " of " + parts + " of the file of import job " + jobId
                            + " is missing (was the job cancelled or purged?)");
                }
                part = read;
                position = 0;
                nextPart++;
            }
            return true;
        }
    }

    private <R> R jdbc(JobSql.Work<R> work) {
        return JobSql.run(tx, "import file storage", work);
    }
}
