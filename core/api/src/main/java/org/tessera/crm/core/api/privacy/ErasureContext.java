package org.tessera.crm.core.api.privacy;

import java.util.Collection;

import org.osgi.annotation.versioning.ProviderType;

/** The erasure's transaction and what a provider may ask of the core within it. */
@ProviderType
public interface ErasureContext extends PersonalDataContext {

    /**
     * Masks the values of every audit entry of these records ({@code entityType} as the module
     * records it, e.g. {@code LEAD}); the entries themselves stay, with who and when.
     */
    void maskAudit(String entityType, Collection<String> ids);

    /**
     * Runs {@code action} once the erasure has committed (and never when it rolled back): a module
     * whose persistence unit caches rows evicts them there.
     */
    void afterCommit(Runnable action);
}
