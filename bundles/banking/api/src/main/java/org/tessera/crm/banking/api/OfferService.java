package org.tessera.crm.banking.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Next-best-offer rules and their evaluation for a party at an interaction. Rules are data; their
 * conditions are evaluated by the {@link org.tessera.crm.banking.api.rules.ConditionEvaluator}s
 * registered at the time.
 */
@ProviderType
public interface OfferService {
    /** The default and the bounds of the number of offers proposed at once. */
    int DEFAULT_LIMIT = 3;
    int MAX_LIMIT = 25;

    /**
     * @throws org.tessera.crm.core.api.ValidationException naming the path of each fault, e.g.
     *         {@code conditions[1].parameters.withinDays} or {@code conditions[0].type}
     */
    OfferRuleDTO createRule(OfferRuleDTO draft);

    OfferRuleDTO getRule(String id);

    OfferRuleDTO updateRule(String id, Long expectedVersion, OfferRuleDTO desired);

    void deleteRule(String id, Long expectedVersion);

    /** All rules, by priority then key. */
    List<OfferRuleDTO> rules();

    /**
     * Evaluates the active, valid rules for a party now: at most {@code limit} offers (1 to
     * {@link #MAX_LIMIT}), highest priority first, without those in cool-down or already accepted.
     *
     * @throws org.tessera.crm.core.api.NotFoundException when the party is absent or out of scope
     */
    List<ProposedOfferDTO> offersFor(String partyId, int limit);

    /**
     * Accepts the offer of a rule for a party and creates its follow-up.
     *
     * @throws org.tessera.crm.core.api.ConflictException when the offer is not currently proposed
     */
    OfferDecisionDTO accept(String partyId, String ruleId, String note);

    /** Rejects the offer of a rule for a party; {@code reason} is required. */
    OfferDecisionDTO reject(String partyId, String ruleId, String reason);

    /** A party's decisions, most recent first. */
    List<OfferDecisionDTO> decisions(String partyId);
}
