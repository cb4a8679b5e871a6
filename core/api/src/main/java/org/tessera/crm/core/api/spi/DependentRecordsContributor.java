package org.tessera.crm.core.api.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.tessera.crm.core.api.DependentRecordsDTO;

/**
 * Whiteboard service: a module that keeps records referring to another module's records (a
 * sales opportunity on a party) registers one, so that the referenced record is not deleted from
 * under them. The core asks every contributor present before it deletes a party, and refuses the
 * delete with {@link org.tessera.crm.core.api.DependentRecordsException} (HTTP 409) when any
 * answers; a module may ask the same question before deleting its own records.
 */
@ConsumerType
public interface DependentRecordsContributor {

    /**
     * The contributor's records that depend on the record {@code entityType} {@code id} (for
     * example {@code PARTY}, {@code 1042}), one entry per type that has any, counted whatever the
     * caller's scope; an empty list when none does or when the type is not one it refers to.
     * Called before the delete, outside its transaction.
     */
    List<DependentRecordsDTO> dependentsOf(String entityType, String id);
}
