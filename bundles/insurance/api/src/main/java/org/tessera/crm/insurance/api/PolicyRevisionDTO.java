package org.tessera.crm.insurance.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One revision of a term: revision 0 is the term as issued, each endorsement adds the next one,
 * valid from its date until the next revision's. Read-only.
 */
public class PolicyRevisionDTO {
    public int revision;
    public LocalDate validFrom;
    public BigDecimal premium;
    public String reason;
    public Instant recordedAt;
}
