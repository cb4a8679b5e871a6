package org.tessera.crm.core.kit.jpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.RecordExport;

/**
 * The read of an export ({@link RecordExport#forEach}): batches of ids in ascending order after the
 * last one written, each batch loaded, handed to the sink and then dropped from the persistence
 * context, so that memory stays flat whatever the number of rows. Everything runs in one
 * transaction, a snapshot where the database has them ({@link SnapshotRead}). An export that
 * needs more speed than entities give reads with JDBC cursors in a {@link SnapshotRead} instead.
 *
 * <pre>
 * return KeysetExport.run(tx, (em, after, size) -&gt; ids of the query's rows with id &gt; after, by id, at most size,
 *         (em, ids) -&gt; the DTOs of those ids, in that order, sink);
 * </pre>
 */
public final class KeysetExport {
    /** Rows per batch: big enough that the per-batch queries are cheap, small enough to stay flat. */
    public static final int BATCH_SIZE = 500;

    private KeysetExport() {
    }

    /** The ids of the next batch: those after {@code afterId} ({@code null} for the first), ascending, at most {@code size}. */
    @FunctionalInterface
    public interface IdBatch {
        List<Long> after(EntityManager em, Long afterId, int size);
    }

    /** The records of a batch of ids, in the order of the ids (an id deleted meanwhile may be missing). */
    @FunctionalInterface
    public interface Loader<T> {
        List<T> load(EntityManager em, List<Long> ids);
    }

    /**
     * Runs the export's read.
     *
     * @return the number of records handed to {@code sink}
     * @throws IOException what the sink threw
     */
    public static <T> long run(Tx tx, IdBatch ids, Loader<T> loader, RecordExport.Sink<? super T> sink) throws IOException {
        try {
            return tx.required(em -> {
                SnapshotRead.begin(em);
                long count = 0;
                Long after = null;
                while (true) {
                    List<Long> batch = ids.after(em, after, BATCH_SIZE);
                    if (batch.isEmpty()) {
                        return count;
                    }
                    for (T record : loader.load(em, batch)) {
                        accept(sink, record);
                        count++;
                    }
                    if (batch.size() < BATCH_SIZE) {
                        return count;
                    }
                    after = batch.get(batch.size() - 1);
                    em.clear();
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static <T> void accept(RecordExport.Sink<? super T> sink, T record) {
        try {
            sink.accept(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
