package org.tessera.crm.insurance.impl.service;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.tessera.crm.core.api.privacy.ErasureContext;

/** The core's side of an erasure in a test: a connection, an instant, and the audit masking asked for. */
final class InsurancePersonalDataContext implements ErasureContext {
    private final Connection connection;
    final List<String> masked = new ArrayList<>();

    InsurancePersonalDataContext(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public void maskAudit(String entityType, Collection<String> ids) {
        ids.forEach(id -> masked.add(entityType + " " + id));
    }

    @Override
    public void afterCommit(Runnable action) {
        action.run();
    }
}
