package org.tessera.crm.banking.api;

import java.util.Iterator;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;

/** Life events of persons, readable and writable within the caller's scope. */
@ProviderType
public interface LifeEventService {
    /** @throws org.tessera.crm.core.api.ValidationException naming each invalid field */
    LifeEventDTO record(String partyId, LifeEventDTO event);

    /** A person's life events, most recent first. */
    List<LifeEventDTO> of(String partyId);

    /**
     * Loads life events from another system, one row in its own transaction (a rejected row never
     * rolls back the others), under the same rules as {@link #record}. A row whose person, type and
     * day match a recorded event updates its expiry and notes when they differ (else it is
     * unchanged); any other row is created with source IMPORT.
     */
    ImportReport importLifeEvents(Iterator<ImportRow<ImportedLifeEventDTO>> rows);
}
