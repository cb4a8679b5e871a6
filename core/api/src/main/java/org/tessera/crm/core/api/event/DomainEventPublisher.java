package org.tessera.crm.core.api.event;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * How the core and every module publish their domain events: one service, provided by the core.
 * An event goes to the core's outbox table first; the core's dispatcher then gives it a position
 * in the change feed and posts it on Event Admin. Properties follow {@link CoreEvents} (the module
 * kit's {@code EventProperties} builds them); a module records through the kit's
 * {@code ModuleEvents}.
 */
@ProviderType
public interface DomainEventPublisher {
    /**
     * Writes the event to the outbox on {@code transaction}, the connection of the transaction that
     * makes the change: the event commits or rolls back with the change, is published once the
     * change committed and never when it rolled back. Call it inside the transaction, after the
     * change was flushed.
     *
     * @param topic e.g. {@code org/tessera/crm/sales/opportunity/UPDATED}
     * @param properties String, Long, Integer, Boolean, BigDecimal, Double values, String arrays and
     *        lists of strings keep their type on Event Admin; any other value arrives as its string form
     */
    void record(Connection transaction, String topic, Map<String, Object> properties);

    /**
     * Writes {@code events} to the outbox on {@code transaction} as {@link #record} writes one, in one
     * batch and in their order: for the changes that record many events at once (a scheduler's sweep,
     * an import chunk), where one round trip per event would cost more than the change.
     */
    void recordAll(Connection transaction, List<DomainEvent> events);

    /**
     * Writes the event to the outbox in a transaction of its own, then lets the dispatcher publish
     * it. Durable and in the change feed, but not atomic with the change that the caller committed
     * before: a crash between the two loses the event, and an event for a change that finally
     * failed is still published.
     *
     * @deprecated call {@link #record} inside the transaction of the change, so that the event
     *             shares its fate; kept for the callers not converted yet.
     */
    @Deprecated
    void post(String topic, Map<String, Object> properties);
}
