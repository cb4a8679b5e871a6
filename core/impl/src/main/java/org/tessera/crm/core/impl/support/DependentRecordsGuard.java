package org.tessera.crm.core.impl.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.tessera.crm.core.api.DependentRecordsDTO;
import org.tessera.crm.core.api.DependentRecordsException;
import org.tessera.crm.core.api.spi.DependentRecordsContributor;

/**
 * Asks every {@link DependentRecordsContributor} present whether records depend on one about to
 * be deleted, and refuses the delete when any do: a module's records are never orphaned by a
 * delete in another. A contributor that fails fails the delete (closed, not open).
 */
public final class DependentRecordsGuard {
    private final List<DependentRecordsContributor> contributors = new CopyOnWriteArrayList<>();

    public void add(DependentRecordsContributor contributor) {
        contributors.add(contributor);
    }

    public void remove(DependentRecordsContributor contributor) {
        contributors.remove(contributor);
    }

    /** @throws DependentRecordsException (HTTP 409) listing the dependents of {@code entityType} {@code id}, if any */
    public void refuseDeleteIfAny(String entityType, String id) {
        List<DependentRecordsDTO> found = new ArrayList<>();
        for (DependentRecordsContributor contributor : contributors) {
            found.addAll(contributor.dependentsOf(entityType, id));
        }
        if (!found.isEmpty()) {
            throw new DependentRecordsException(entityType, id, found);
        }
    }
}
