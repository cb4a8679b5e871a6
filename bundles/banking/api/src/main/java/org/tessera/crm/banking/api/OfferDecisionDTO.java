package org.tessera.crm.banking.api;

import java.time.Instant;

/**
 * An agent's answer to a proposed offer. An acceptance yields a follow-up: a sales opportunity when
 * the sales module is installed ({@code followUp = "sales:opportunity:<id>"}), else a planned core
 * activity ({@code "activity:<id>"}). A rejection needs a reason and starts the rule's cool-down.
 */
public class OfferDecisionDTO {
    public String id;
    public String partyId;
    public String ruleId;
    public String ruleKey;
    public String offerName;
    public OfferDecision decision;
    public String reason;
    public String followUp;
    public String decidedBy;
    public Instant decidedAt;
}
