package org.tessera.crm.banking.api;

import org.tessera.crm.core.api.imports.ExternalIdRef;

/**
 * One line of a life-event import: a life event with its person named by {@code partyId} or by
 * {@code partyExternalId} (an id of the system the extract comes from). A line is matched to a
 * recorded event by person, type and day, so loading the same extract again adds nothing.
 */
public class ImportedLifeEventDTO extends LifeEventDTO {
    public ExternalIdRef partyExternalId;
}
