package org.tessera.crm.core.api.privacy;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Consent per purpose and channel. A recorded consent for the purpose wins; without one, a channel
 * whose every contact mechanism of the party is opted out counts as withdrawn for every purpose
 * (the opt-out flags are one view of consent); otherwise nothing was withdrawn.
 */
@ProviderType
public interface ConsentService {

    /**
     * The party's recorded consents, then the views of its opted-out contact mechanisms.
     *
     * @throws org.tessera.crm.core.api.NotFoundException when the party is not there or outside the caller's perimeter
     */
    List<ConsentDTO> consents(String partyId);

    /**
     * Records the party's consent for {@code draft.purpose} on {@code draft.channel}, replacing the
     * one recorded before for that pair; audited, with an event.
     *
     * @throws org.tessera.crm.core.api.ValidationException naming each invalid field
     * @throws org.tessera.crm.core.api.NotFoundException when the party is not there or outside the caller's perimeter
     */
    ConsentDTO record(String partyId, ConsentDTO draft);

    /**
     * The parties among {@code partyIds} that must not be contacted for {@code purpose} on
     * {@code channel}, as the rule above says. Ids that are not numbers are ignored; no scope
     * applies (the caller decides whom it contacts).
     */
    Set<String> withdrawn(Collection<String> partyIds, String purpose, String channel);
}
