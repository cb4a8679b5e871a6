package org.tessera.crm.core.api.imports;

import java.util.Iterator;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.party.PartyDTO;

/**
 * Imports parties in bulk, idempotently: each row is matched to a stored party by its
 * {@code externalIds} (any of them), then created, updated (full replace of the client-writable
 * fields; external ids are merged) or left alone when nothing changed. Importing the same rows
 * twice therefore creates nothing the second time.
 *
 * <p>Each row is validated like {@link org.tessera.crm.core.api.party.PartyService#create} would
 * (core rules, custom fields, registered validators); a row without any external id is rejected,
 * since it could not be matched on a second import. Rows are written in transactions of a few
 * hundred; a rejected row never rolls back the others. Events are posted for each created and
 * updated party after its transaction has committed.
 */
@ProviderType
public interface PartyImportService {

    /**
     * Reads {@code rows} once, in order, without holding more than one transaction's worth of
     * them in memory.
     *
     * @return the counts and every rejected row, by line number
     */
    ImportReport importParties(Iterator<ImportRow<PartyDTO>> rows);

    /**
     * Imports with the duplicate rules applied to each row: a row matching a blocking rule, or a
     * warning rule without {@code allowDuplicates}, is rejected naming the candidate ids; with
     * {@code allowDuplicates} a row matching a warning rule is written and listed in
     * {@link ImportReport#duplicates}.
     *
     * @since 1.2
     */
    default ImportReport importParties(Iterator<ImportRow<PartyDTO>> rows, boolean allowDuplicates) {
        return importParties(rows);
    }
}
