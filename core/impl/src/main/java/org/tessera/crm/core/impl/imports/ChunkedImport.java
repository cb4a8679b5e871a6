package org.tessera.crm.core.impl.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.RejectedRow;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.event.DomainEvent;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.jpa.OptimisticLocks;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.core.kit.ChangedFields;

/**
 * Runs an import in transactions of {@link #CHUNK_ROWS} rows and reports it. When the database
 * refuses a chunk (a concurrent writer took an external id between our read and our insert, say),
 * the chunk is rolled back and replayed one row per transaction, so that only the rows at fault
 * are rejected and every other row of the chunk is still written; a row alone that met a concurrent
 * change of its record is tried once more over the new state. Events of a chunk are recorded
 * in the outbox by the chunk's own transaction, so they share its fate.
 *
 * @param <T> the type of the rows
 */
final class ChunkedImport<T> {
    /** Rows per transaction: large enough for JDBC batches to pay, small enough to keep memory flat. */
    static final int CHUNK_ROWS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ChunkedImport.class);

    /** One transaction's work: the outcome of each row, in row order. */
    @FunctionalInterface
    interface Chunk<T> {
        List<Outcome> run(EntityManager em, List<ImportRow<T>> rows) throws SQLException;
    }

    /** The entity type and the topics of the events recorded for created and updated records. */
    record Events(DomainEventPublisher events, String entityType, String createdTopic, String updatedTopic) {
    }

    private final Tx tx;
    private final Events events;
    private final Chunk<T> chunk;

    ChunkedImport(Tx tx, Events events, Chunk<T> chunk) {
        this.tx = tx;
        this.events = events;
        this.chunk = chunk;
    }

    ImportReport run(Iterator<ImportRow<T>> rows) {
        return run(rows, this::runChunk);
    }

    /**
     * Imports in the caller's transaction, which the chunks join: the caller commits the rows with
     * its own writes (an import job, its progress). A chunk the database refuses is not replayed:
     * the failure leaves, and the caller's transaction rolls back whole; the caller may then
     * {@link #run} the rows in transactions of their own.
     */
    ImportReport runInCallerTransaction(Iterator<ImportRow<T>> rows) {
        return run(rows, this::write);
    }

    private ImportReport run(Iterator<ImportRow<T>> rows, Function<List<ImportRow<T>>, List<Outcome>> runner) {
        ImportReport report = new ImportReport();
        List<ImportRow<T>> rowsOfChunk = new ArrayList<>(CHUNK_ROWS);
        while (rows.hasNext()) {
            rowsOfChunk.add(rows.next());
            if (rowsOfChunk.size() == CHUNK_ROWS) {
                record(runner.apply(rowsOfChunk), report);
                rowsOfChunk.clear();
            }
        }
        if (!rowsOfChunk.isEmpty()) {
            record(runner.apply(rowsOfChunk), report);
        }
        return report;
    }

    /** Writes the chunk and its events in a transaction of {@code tx} (the caller's, when one runs). */
    private List<Outcome> write(List<ImportRow<T>> rows) {
        return tx.required(em -> {
            try {
                List<Outcome> outcomes = chunk.run(em, rows);
                events.events().recordAll(em.unwrap(Connection.class), eventsOf(outcomes));
                return outcomes;
            } catch (SQLException e) {
                throw new ChunkRefused(e);
            }
        });
    }

    private List<Outcome> runChunk(List<ImportRow<T>> rows) {
        return runChunk(rows, true);
    }

    /**
     * @param retryConflict whether a row alone that met a concurrent writer (an optimistic lock
     *     conflict) is tried once more: it then reads the other writer's state and writes over it
     */
    private List<Outcome> runChunk(List<ImportRow<T>> rows, boolean retryConflict) {
        try {
            return write(rows);
        } catch (RuntimeException e) {
            if (rows.size() == 1 && retryConflict && OptimisticLocks.isCause(e)) {
                LOG.info("Import row {} met a concurrent change of its record; trying it again", rows.get(0).line);
                return runChunk(rows, false);
            }
            if (rows.size() == 1) {
                LOG.warn("Import row {} refused by the database", rows.get(0).line, e);
                return List.of(Outcome.rejected(rows.get(0).line, List.of(new FieldError(null, "refused",
                        "the database refused the row: " + rootMessage(e)))));
            }
            LOG.info("Import chunk of lines {}-{} refused ({}); replaying it row by row", rows.get(0).line,
                    rows.get(rows.size() - 1).line, rootMessage(e));
            List<Outcome> outcomes = new ArrayList<>();
            for (ImportRow<T> row : rows) {
                outcomes.addAll(runChunk(List.of(row)));
            }
            return outcomes;
        }
    }

    /** The events of a chunk's outcomes, recorded in the chunk's transaction. */
    private List<DomainEvent> eventsOf(List<Outcome> outcomes) {
        List<DomainEvent> recorded = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.kind() == Outcome.Kind.CREATED) {
                recorded.add(new DomainEvent(events.createdTopic(), EventProperties.of(events.entityType(), outcome.recordId(), 1L, null)));
            } else if (outcome.kind() == Outcome.Kind.UPDATED && outcome.after() != null) {
                // without after, a later line replaced a record created earlier in the same transaction: one event, created
                recorded.add(new DomainEvent(events.updatedTopic(), EventProperties.of(events.entityType(), outcome.recordId(),
                        outcome.version(), ChangedFields.between(outcome.before(), outcome.after(), AuditTrail.SERVER_OWNED))));
            }
        }
        return recorded;
    }

    /** Counts the committed outcomes. */
    private static void record(List<Outcome> outcomes, ImportReport report) {
        for (Outcome outcome : outcomes) {
            switch (outcome.kind()) {
                case CREATED -> report.created++;
                case UPDATED -> report.updated++;
                case UNCHANGED -> report.unchanged++;
                case REJECTED -> {
                    report.rejected++;
                    report.errors.add(new RejectedRow(outcome.line(), outcome.errors()));
                }
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** A checked JDBC failure carried out of the transaction callback, so that the transaction rolls back. */
    private static final class ChunkRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChunkRefused(SQLException cause) {
            super(cause);
        }
    }
}
