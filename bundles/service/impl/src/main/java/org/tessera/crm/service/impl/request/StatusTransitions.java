package org.tessera.crm.service.impl.request;

import java.time.Duration;
import java.time.Instant;

import org.tessera.crm.service.api.StatusCategory;

/**
 * Which status category may follow which. Work moves forward (new → open/pending → resolved →
 * closed) and back between open and pending; a resolved or closed request may be reopened (to an
 * open or pending status) only within the reopening window after it was closed; nothing goes back
 * to "new".
 */
public final class StatusTransitions {
    private StatusTransitions() {
    }

    /** Why the transition is refused, or null when it is allowed. */
    public static String refusal(StatusCategory from, StatusCategory to, Instant closedAt, Instant now, Duration reopenWindow) {
        if (from == to) {
            return null;
        }
        if (to == StatusCategory.NEW) {
            return "a request cannot go back to a new status";
        }
        if (from.isDone() && !to.isDone()) {
            if (closedAt != null && Duration.between(closedAt, now).compareTo(reopenWindow) > 0) {
                return "the request was closed more than " + reopenWindow.toDays() + " days ago and can no longer be reopened";
            }
            return null;
        }
        if (from == StatusCategory.CLOSED && to == StatusCategory.RESOLVED) {
            return "a closed request is reopened to an open or pending status, not resolved again";
        }
        return null;
    }
}
