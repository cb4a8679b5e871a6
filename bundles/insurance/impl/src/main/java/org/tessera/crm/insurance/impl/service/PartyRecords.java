package org.tessera.crm.insurance.impl.service;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.insurance.impl.entity.ClaimEntity;
import org.tessera.crm.insurance.impl.entity.PolicyEntity;

/**
 * A party's terms (in any role) and the claims on them or naming the party, within the caller's
 * scope, for the timeline and the 360° section.
 */
@Component(service = PartyRecords.class)
public class PartyRecords {
    private final Tx tx;
    private final RecordScope scope;

    @Activate
    public PartyRecords(@Reference(target = InsuranceUnit.TX) Tx tx, @Reference RecordScope scope) {
        this.tx = tx;
        this.scope = scope;
    }

    public record Records(List<PolicyEntity> policies, List<ClaimEntity> claims) {
    }

    public Records of(String partyId) {
        Long party = Ids.parse(partyId).orElse(null);
        if (party == null || !scope.canAccessParty(partyId)) {
            throw new NotFoundException("PARTY", partyId);
        }
        ScopeFilter filter = ScopeFilter.of(scope);
        return tx.required(em -> {
            List<PolicyEntity> policies = em.createQuery("SELECT p FROM PolicyEntity p WHERE p.id IN (SELECT q.id FROM PolicyEntity q"
                    + " JOIN q.participants pp WHERE pp.partyId = :party) AND " + filter.condition("p.holderPartyId") + " ORDER BY p.id DESC",
                    PolicyEntity.class).setParameter("party", party).setMaxResults(200).getResultList();
            List<ClaimEntity> claims = em.createQuery("SELECT c FROM ClaimEntity c WHERE (c.policyId IN (SELECT q.id FROM PolicyEntity q"
                    + " JOIN q.participants pp WHERE pp.partyId = :party) OR c.id IN (SELECT k.id FROM ClaimEntity k JOIN k.participants kp"
                    + " WHERE kp.partyId = :party)) AND " + filter.condition("c.holderPartyId") + " ORDER BY c.id DESC", ClaimEntity.class)
                    .setParameter("party", party).setMaxResults(200).getResultList();
            policies.forEach(p -> p.revisions.size());
            claims.forEach(c -> c.amounts.size());
            return new Records(policies, claims);
        });
    }
}
