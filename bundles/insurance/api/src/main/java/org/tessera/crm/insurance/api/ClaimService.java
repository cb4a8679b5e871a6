package org.tessera.crm.insurance.api;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.Page;

/** Claims on policy terms; scoped, validated, audited like the terms, announced on {@link Insurance#CLAIM_TOPIC}. */
@ProviderType
public interface ClaimService {
    ClaimDTO report(ClaimDTO draft);

    ClaimDTO get(String id);

    /** Replaces the client-writable fields (type, description, amounts but {@code paid}, participants, custom fields). */
    ClaimDTO update(String id, Long expectedVersion, ClaimDTO desired);

    ClaimDTO transition(String id, Long expectedVersion, ClaimStatus status);

    /** Records a payment; see {@link ClaimPaymentDTO} for the rules that refuse one. */
    ClaimDTO pay(String id, Long expectedVersion, ClaimPaymentDTO payment);

    /**
     * Opens a service request for the claim's handling (its SLA applies) and links it.
     *
     * @throws org.tessera.crm.core.api.ConflictException when the service module is not installed
     *         or the claim already has one
     */
    ClaimDTO openServiceRequest(String id, Long expectedVersion);

    Page<ClaimDTO> search(ClaimQuery query);
}
