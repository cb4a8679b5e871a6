package org.tessera.crm.banking.api;

import java.util.ArrayList;
import java.util.List;

/** An offer proposed to a party, with why its rule matched (one reason per condition). */
public class ProposedOfferDTO {
    public String ruleId;
    public String ruleKey;
    public int rank;
    public int priority;
    public OfferDefinitionDTO offer;
    public List<String> reasons = new ArrayList<>();
}
