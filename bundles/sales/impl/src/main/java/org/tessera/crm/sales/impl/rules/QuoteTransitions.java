package org.tessera.crm.sales.impl.rules;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.sales.api.QuoteStatus;

/** The quote approval state machine. */
public final class QuoteTransitions {
    private static final Map<QuoteStatus, Set<QuoteStatus>> ALLOWED = Map.of(
            QuoteStatus.DRAFT, EnumSet.of(QuoteStatus.IN_REVIEW),
            QuoteStatus.IN_REVIEW, EnumSet.of(QuoteStatus.APPROVED, QuoteStatus.REJECTED),
            QuoteStatus.REJECTED, EnumSet.of(QuoteStatus.DRAFT),
            QuoteStatus.APPROVED, EnumSet.of(QuoteStatus.PRESENTED),
            QuoteStatus.PRESENTED, EnumSet.of(QuoteStatus.ACCEPTED, QuoteStatus.DENIED),
            QuoteStatus.ACCEPTED, EnumSet.noneOf(QuoteStatus.class),
            QuoteStatus.DENIED, EnumSet.noneOf(QuoteStatus.class));

    private QuoteTransitions() {
    }

    public static boolean allowed(QuoteStatus from, QuoteStatus to) {
        return from == to || ALLOWED.get(from).contains(to);
    }

    /** @throws ConflictException when {@code from → to} is not a transition of the machine */
    public static void check(QuoteStatus from, QuoteStatus to) {
        if (!allowed(from, to)) {
            throw new ConflictException("status", "a " + from + " quote cannot become " + to
                    + (ALLOWED.get(from).isEmpty() ? " (final status)" : "; allowed: " + ALLOWED.get(from)));
        }
    }
}
