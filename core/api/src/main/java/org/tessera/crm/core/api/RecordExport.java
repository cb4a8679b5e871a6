package org.tessera.crm.core.api;

import java.io.IOException;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Every record a list query matches, prepared for an export. The service prepares it while the
 * caller is known: their permissions, perimeter and filters are checked then, so that a bad filter
 * is refused before anything is written. {@link #forEach} reads later (after the HTTP headers are
 * sent, when the request's caller may already be unbound) with what was captured.
 *
 * @param <T> the record, in the same shape as the items of the list
 */
@ProviderType
public interface RecordExport<T> {

    /** Keys of the custom fields the caller may read, sorted: the custom columns of a tabular export. */
    List<String> customFieldKeys();

    /**
     * Hands every matching record to {@code sink} in ascending id order, reading batch by batch in
     * one read-only transaction (never the whole result in memory). On PostgreSQL the transaction
     * is {@code REPEATABLE READ}: the export is one snapshot. On Derby it is {@code READ COMMITTED}:
     * a row committed during the export may appear if its id is after the position reached; the
     * id order still writes no row twice.
     *
     * @return how many records were handed to the sink
     * @throws IOException what the sink threw; reading stops there
     */
    long forEach(Sink<? super T> sink) throws IOException;

    /** Where the records go, typically a stream being written to a client. */
    @FunctionalInterface
    interface Sink<T> {
        void accept(T record) throws IOException;
    }
}
