package org.tessera.crm.sales.api;

/** A party's part in a deal: DECISION_MAKER, INFLUENCER, USER, EVALUATOR, ECONOMIC_BUYER… */
public class ContactRoleDTO {
    public String partyId;
    public String role;
    public boolean primary;
}
