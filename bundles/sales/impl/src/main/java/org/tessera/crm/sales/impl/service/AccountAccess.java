package org.tessera.crm.sales.impl.service;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyService;

/**
 * THE place where the sales module decides whether the caller may use a party (an account, a
 * lead's person, a contact role). Every sales read and write that names a party goes through
 * {@link #visibleParty}; today it only checks that the party exists.
 *
 * <p>RECORD SCOPING HOOK: when the core offers record scoping (an agent sees the parties of
 * their org subtree), wire it here, and only here: return {@code Optional.empty()} for a party
 * outside the caller's perimeter. Lists (leads, opportunities, quotes, pipeline summary) then
 * need the same perimeter as a query filter on {@code party_id}/{@code account_id}; see
 * {@link #readableAccountIds()}.
 */
@Component(service = AccountAccess.class)
public class AccountAccess {
    private final PartyService parties;

    @Activate
    public AccountAccess(@Reference PartyService parties) {
        this.parties = parties;
    }

    /** The party, if it exists and the caller may see it. */
    public Optional<PartyDTO> visibleParty(String partyId) {
        return parties.find(partyId);
    }

    /**
     * The ids of the accounts the caller may see, or {@code null} for all of them. Lists filter
     * on it; {@code null} until record scoping is wired.
     */
    public java.util.Set<Long> readableAccountIds() {
        return null;
    }
}
