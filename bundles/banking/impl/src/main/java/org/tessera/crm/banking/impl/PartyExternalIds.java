package org.tessera.crm.banking.impl;

import java.util.List;
import java.util.Optional;

import org.tessera.crm.core.api.imports.ExternalIdRef;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Finds a party by the id another system gave it, as the core's imports do, in the core's
 * {@code party_external_id} table of the same database, within the caller's scope.
 */
final class PartyExternalIds {
    private PartyExternalIds() {
    }

    static Optional<String> resolve(Tx tx, RecordScope scope, ExternalIdRef ref) {
        if (ref.source == null || ref.id == null) {
            return Optional.empty();
        }
        String visible = ScopeFilter.of(scope).sqlCondition("x.party_id");
        return tx.required(em -> {
            @SuppressWarnings("unchecked")
            List<Object> ids = em.createNativeQuery("SELECT x.party_id FROM party_external_id x WHERE x.source = ?1 AND x.external_id = ?2 AND "
                    + visible).setParameter(1, ref.source).setParameter(2, ref.id).getResultList();
            return ids.stream().findFirst().map(id -> Ids.format(((Number) id).longValue()));
        });
    }
}
