package org.tessera.crm.core.impl.privacy;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.tessera.crm.core.api.privacy.ErasureContext;

/** The erasure's transaction as the core gives it to the providers: one connection, one instant, deferred actions. */
final class CoreErasureContext implements ErasureContext {
    private final Connection connection;
    private final Instant now;
    private final List<Runnable> afterCommit = new ArrayList<>();

    CoreErasureContext(Connection connection, Instant now) {
        this.connection = connection;
        this.now = now;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void maskAudit(String entityType, Collection<String> ids) {
        if (!ids.isEmpty()) {
            AuditMasking.mask(connection, entityType, ids);
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    List<Runnable> afterCommitActions() {
        return List.copyOf(afterCommit);
    }
}
