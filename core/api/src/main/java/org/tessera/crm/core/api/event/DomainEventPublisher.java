package org.tessera.crm.core.api.event;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * How the core and every module publish their domain events: one service, provided by the core,
 * so that how events leave (Event Admin today) is decided in one place for all modules. Call it
 * after the transaction of the change committed, with the properties of {@link CoreEvents} (the
 * module kit's {@code EventProperties} builds them).
 */
@ProviderType
public interface DomainEventPublisher {
    /** Publishes asynchronously on {@code topic}, e.g. {@code org/tessera/crm/sales/opportunity/UPDATED}. */
    void post(String topic, Map<String, Object> properties);
}
