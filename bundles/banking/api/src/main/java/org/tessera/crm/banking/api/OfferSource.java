package org.tessera.crm.banking.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of offers other than the pack's named product offers, registered as an OSGi service
 * with the property {@link #SOURCE} (e.g. {@code tessera.offer.source=marketing}). A rule whose
 * offer names a source is accepted only while that source is registered, and proposed only while
 * it resolves the offer's code: a marketing module provides its campaign offers this way without
 * the pack knowing it.
 */
@ConsumerType
public interface OfferSource {
    String SOURCE = "tessera.offer.source";

    /** The offer of this code, as it stands now; empty when unknown or no longer available. */
    Optional<OfferDefinitionDTO> resolve(String code);
}
