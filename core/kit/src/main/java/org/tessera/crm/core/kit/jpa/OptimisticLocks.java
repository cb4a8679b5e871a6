package org.tessera.crm.core.kit.jpa;

import javax.persistence.OptimisticLockException;

/** Recognizes JPA's optimistic lock failure, however the provider or Aries wrapped it. */
public final class OptimisticLocks {
    private OptimisticLocks() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
