package org.tessera.crm.core.api.imports;

import java.util.Iterator;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: one importable entity type, for the import jobs ({@link ImportJobService}).
 * The core registers {@code party} and {@code activity}; a module registers each of its importable
 * types, named {@code <module>.<entity>} as in the change feed (e.g. {@code service.request}). A type
 * is accepted by the jobs while its target is registered, so it leaves with its module.
 *
 * <p>Rows are handed over in chunks of a few hundred, each chunk once (but a chunk interrupted by a
 * crash is handed over again, after the restart or on the node that takes the job over):
 * {@link #importRows} must upsert idempotently, as the synchronous {@code :import} endpoints do. It
 * runs with the submitter of the job bound as the caller, so record scope applies as for their own
 * requests.
 *
 * @param <T> the row type, read from an NDJSON line or a mapped CSV row by Jackson
 */
@ConsumerType
public interface ImportTarget<T> {
    /** Service property carrying {@link #entityType()}, for filters. */
    String TYPE_PROPERTY = "tessera.import.type";

    /** The type's name in the API: {@code party}, {@code activity}, {@code <module>.<entity>}. */
    String entityType();

    /** What one row is read into. */
    Class<T> rowType();

    /** The permission a caller needs to import this type (the write permission of the records). */
    String permission();

    /**
     * Imports one chunk: every row is counted once in the report, a rejected one with its line and
     * reasons (rows that could not be read arrive as {@link ImportRow#unreadable}).
     */
    ImportReport importRows(Iterator<ImportRow<T>> rows);
}
