package org.tessera.crm.banking.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Life events of persons, readable and writable within the caller's scope. */
@ProviderType
public interface LifeEventService {
    /** @throws org.tessera.crm.core.api.ValidationException naming each invalid field */
    LifeEventDTO record(String partyId, LifeEventDTO event);

    /** A person's life events, most recent first. */
    List<LifeEventDTO> of(String partyId);
}
