package org.tessera.crm.core.api.imports;

import java.util.Iterator;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Imports activities in bulk, idempotently, as {@link PartyImportService} imports parties: each
 * row is matched to a stored activity by its {@code externalIds} (any of them), then created,
 * updated (full replace of the client-writable fields; external ids are merged) or left alone
 * when nothing changed. A row without any external id is rejected.
 *
 * <p>Each row is validated like {@link org.tessera.crm.core.api.activity.ActivityService#create}
 * would (core rules, custom fields, registered validators). Its participants, by id or by
 * {@link ImportedActivityDTO#participantExternalIds party external id}, must exist and, for a
 * restricted caller, be within the caller's record scope; a stored activity outside that scope is
 * never matched. Rows are written in transactions of a few hundred; a rejected row never rolls
 * back the others. Events are posted for each created and updated activity after commit.
 */
@ProviderType
public interface ActivityImportService {

    /**
     * Reads {@code rows} once, in order, without holding more than one transaction's worth of
     * them in memory.
     *
     * @return the counts and every rejected row, by line number
     */
    ImportReport importActivities(Iterator<ImportRow<ImportedActivityDTO>> rows);
}
