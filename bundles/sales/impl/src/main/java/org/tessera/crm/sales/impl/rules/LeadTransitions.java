package org.tessera.crm.sales.impl.rules;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.sales.api.LeadStatus;

/**
 * The lead state machine. CONVERTED is reached only through conversion, from QUALIFIED, and is
 * final; DISQUALIFIED can be reopened to WORKING.
 */
public final class LeadTransitions {
    private static final Map<LeadStatus, Set<LeadStatus>> ALLOWED = Map.of(
            LeadStatus.NEW, EnumSet.of(LeadStatus.WORKING, LeadStatus.QUALIFIED, LeadStatus.DISQUALIFIED),
            LeadStatus.WORKING, EnumSet.of(LeadStatus.QUALIFIED, LeadStatus.DISQUALIFIED),
            LeadStatus.QUALIFIED, EnumSet.of(LeadStatus.WORKING, LeadStatus.DISQUALIFIED, LeadStatus.CONVERTED),
            LeadStatus.DISQUALIFIED, EnumSet.of(LeadStatus.WORKING),
            LeadStatus.CONVERTED, EnumSet.noneOf(LeadStatus.class));

    private LeadTransitions() {
    }

    public static boolean allowed(LeadStatus from, LeadStatus to) {
        return from == to || ALLOWED.get(from).contains(to);
    }

    /**
     * Checks a status change made by an update (not by conversion).
     *
     * @throws ConflictException when the lead is converted, or the change is not allowed
     */
    public static void checkUpdate(LeadStatus from, LeadStatus to) {
        if (from == LeadStatus.CONVERTED) {
            throw new ConflictException("status", "a converted lead is read-only");
        }
        if (to == LeadStatus.CONVERTED && from != LeadStatus.CONVERTED) {
            throw new ConflictException("status", "a lead is converted with POST .../convert, not by setting its status");
        }
        if (!allowed(from, to)) {
            throw new ConflictException("status", "a " + from + " lead cannot become " + to);
        }
    }

    /** @throws ConflictException unless a lead in {@code from} can be converted */
    public static void checkConversion(LeadStatus from) {
        if (from != LeadStatus.QUALIFIED) {
            throw new ConflictException("status", "only a QUALIFIED lead can be converted; this one is " + from);
        }
    }
}
