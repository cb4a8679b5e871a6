package org.tessera.crm.banking.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.tessera.crm.banking.api.rules.ConditionDTO;

/**
 * A next-best-offer rule: when all its {@link #conditions} hold for a party, its {@link #offer} is
 * proposed, ranked by {@link #priority} (higher first). Proposed only between {@link #validFrom} and
 * {@link #validThru} (inclusive, either open), while {@link #active}, and not within
 * {@link #coolDownDays} of the party's last rejection of it. An accepted offer is not proposed again.
 */
public class OfferRuleDTO {
    public String id;
    /** Unique, e.g. {@code new-parent-savings}. */
    public String key;
    public String name;
    public int priority;
    public Boolean active;
    public LocalDate validFrom;
    public LocalDate validThru;
    /** Days after a rejection during which the rule is not proposed again to that party; 90 by default. */
    public Integer coolDownDays;
    /** All must hold (an implicit {@code and}). */
    public List<ConditionDTO> conditions = new ArrayList<>();
    public OfferDefinitionDTO offer;
    public long version;
    public Instant createdAt;
    public Instant updatedAt;
}
