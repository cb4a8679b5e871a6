package org.tessera.crm.insurance.api;

import java.time.LocalDate;
import java.util.Iterator;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;

/**
 * Policy terms. A term is visible to whoever may see its policyholder; one outside the caller's
 * perimeter does not exist for them (404). Every write is validated (422 naming the field),
 * audited and announced on {@link Insurance#POLICY_TOPIC}.
 */
@ProviderType
public interface PolicyService {

    /** Creates the first term of a policy (a quote unless {@code status} is {@code IN_FORCE}). */
    PolicyDTO create(PolicyDTO draft);

    /**
     * The term with its coverages, premium and participants as of {@code asOf} ({@code null}: today,
     * or the term's start when it starts later).
     */
    PolicyDTO get(String id, LocalDate asOf);

    /** Replaces the client-writable fields that are not dated (product, billing, agent, health, custom fields…). */
    PolicyDTO update(String id, Long expectedVersion, PolicyDTO desired);

    /** Adds a revision of the term from {@code endorsement.effectiveDate} on. */
    PolicyDTO endorse(String id, Long expectedVersion, EndorsementDTO endorsement);

    PolicyDTO transition(String id, Long expectedVersion, PolicyTransitionDTO transition);

    /** A new term linked to this one, copying its coverages and participants (see {@link RenewalRunDTO}). */
    PolicyDTO renew(String id, Long expectedVersion, RenewalRunDTO terms);

    Page<PolicyDTO> search(PolicyQuery query);

    /**
     * Upserts terms by {@code number} (the latest term of that number is updated, else a first term is
     * created), with their coverages and participants, row by row.
     */
    ImportReport importPolicies(Iterator<ImportRow<PolicyDTO>> rows);

    /** The rollup of a person or a household (see {@link HouseholdInsuranceDTO}). */
    HouseholdInsuranceDTO household(String partyId);
}
