package org.tessera.crm.core.api.imports;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An import job and its progress. */
public class ImportJobDTO {
    public String id;
    public String entityType;
    public ImportFormat format;
    public Map<String, String> mapping = new LinkedHashMap<>();
    public String fileName;
    public ImportJobState state;
    /** Why the job failed or waits; {@code null} otherwise. */
    public String message;
    public String submittedBy;
    public Instant submittedAt;
    public Instant startedAt;
    public Instant finishedAt;
    /** Lines (NDJSON) or records (CSV) in the file, counted when it was received; an upper bound of the rows. */
    public long totalRows;
    /** Rows read and committed so far. */
    public long rowsRead;
    public long created;
    public long updated;
    public long unchanged;
    public long rejected;
    /** The last line of the file whose chunk is committed: a restart resumes after it. */
    public long lastCommittedLine;
    /** Rows per second while running. */
    public double rate;
    /** Seconds left at the current rate; {@code null} when unknown (not started) or finished. */
    public Long estimatedSecondsLeft;
}
