package org.tessera.crm.core.impl.imports.jobs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.tessera.crm.core.api.imports.ImportFormat;
import org.tessera.crm.core.api.imports.ImportJobDTO;
import org.tessera.crm.core.api.imports.ImportJobState;

/** A row of {@code import_job}: the job as the worker needs it, including whom it runs as. */
final class StoredJob {
    String id;
    String entityType;
    ImportFormat format;
    Map<String, String> mapping = new LinkedHashMap<>();
    String fileName;
    ImportJobState state;
    String message;
    String submittedBy;
    boolean runAsSystem;
    Set<String> callerRoles = Set.of();
    String callerUnit;
    Instant submittedAt;
    Instant startedAt;
    Instant finishedAt;
    long totalRows;
    long lastLine;
    long rowsRead;
    long created;
    long updated;
    long unchanged;
    long rejected;
    long runMillis;
    /** The node working the job, and until when its lease holds; {@code null} when unclaimed. */
    String claimedBy;
    Instant claimedUntil;
    /** Parts of the job's file in {@code import_job_file}; {@code null} for a job of a node's former spool directory. */
    Integer fileParts;

    ImportJobDTO toDto() {
        ImportJobDTO dto = new ImportJobDTO();
        dto.id = id;
        dto.entityType = entityType;
        dto.format = format;
        dto.mapping = new LinkedHashMap<>(mapping);
        dto.fileName = fileName;
        dto.state = state;
        dto.message = message;
        dto.submittedBy = submittedBy;
        dto.submittedAt = submittedAt;
        dto.startedAt = startedAt;
        dto.finishedAt = finishedAt;
        dto.totalRows = totalRows;
        dto.rowsRead = rowsRead;
        dto.created = created;
        dto.updated = updated;
        dto.unchanged = unchanged;
        dto.rejected = rejected;
        dto.lastCommittedLine = lastLine;
        dto.rate = JobProgress.rate(rowsRead, runMillis);
        dto.estimatedSecondsLeft = state == ImportJobState.RUNNING || state == ImportJobState.QUEUED
                ? JobProgress.secondsLeft(totalRows, rowsRead, dto.rate) : null;
        return dto;
    }
}
