package org.tessera.crm.sales.impl.service;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.kit.jpa.ScopeFilter;

/**
 * The one place where the sales module decides whether the caller may use a party (an account, a
 * lead's person, a contact role), through the core's record scope: an agent sees the sales records
 * attached to the parties of their org subtree, and a record outside it does not exist for them.
 */
@Component(service = AccountAccess.class)
public class AccountAccess {
    private final PartyService parties;
    private final RecordScope scope;

    @Activate
    public AccountAccess(@Reference PartyService parties, @Reference RecordScope scope) {
        this.parties = parties;
        this.scope = scope;
    }

    /** The party, if it exists and the caller may see it (the core's reads obey the scope). */
    public Optional<PartyDTO> visibleParty(String partyId) {
        return parties.find(partyId);
    }

    /** Whether the caller may see the one record attached to this party. */
    public boolean canSee(Long partyId) {
        return partyId != null && scope.canAccessParty(partyId.toString());
    }

    /** The caller's perimeter as a condition of a list's query; read it once per request. */
    public ScopeFilter scope() {
        return ScopeFilter.of(scope);
    }
}
