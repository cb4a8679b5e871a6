package org.tessera.crm.insurance.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A renewal run: every term in force expiring in {@code [expiringFrom, expiringTo)} and not yet
 * renewed gets a new term, starting on its expiry, as long as it, with its coverages and participants
 * copied, and an agent's reminder activity {@code reminderDaysBefore} days before the expiry.
 */
public class RenewalRunDTO {
    public LocalDate expiringFrom;
    public LocalDate expiringTo;
    /** Premiums of the new terms: the old premium times this factor (1.0 when absent). */
    public BigDecimal premiumFactor;
    /** Whether the new terms are quotes to accept ({@code true}) or in force at once. */
    public boolean asQuotes;
    public int reminderDaysBefore = 30;
}
