package org.tessera.crm.core.impl.imports;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.impl.customfield.CustomValueCodec;

/** The decisions of an upsert: how an imported row relates to the stored activity it matched. */
final class ActivityStates {
    private ActivityStates() {
    }

    /**
     * Prepares {@code candidate} to replace {@code stored}: it takes the stored id and keeps the
     * stored external ids it does not mention (an import from one system does not erase the ids
     * of another).
     */
    static void adopt(ActivityDTO candidate, ActivityDTO stored) {
        candidate.id = stored.id;
        Map<String, String> merged = new LinkedHashMap<>(stored.externalIds);
        merged.putAll(candidate.externalIds);
        candidate.externalIds = merged;
    }

    /** Whether writing {@code candidate} over {@code stored} would change nothing a client can see. */
    static boolean sameState(ActivityDTO candidate, ActivityDTO stored) {
        return Objects.equals(candidate.type, stored.type)
                && Objects.equals(candidate.subject, stored.subject)
                && Objects.equals(candidate.description, stored.description)
                && candidate.status == stored.status
                && Objects.equals(candidate.dueAt, stored.dueAt)
                && Objects.equals(candidate.startAt, stored.startAt)
                && Objects.equals(candidate.endAt, stored.endAt)
                && Objects.equals(candidate.ownerId, stored.ownerId)
                && Objects.equals(candidate.assigneeId, stored.assigneeId)
                && Objects.equals(candidate.channel, stored.channel)
                && candidate.direction == stored.direction
                && Objects.equals(candidate.outcome, stored.outcome)
                && Set.copyOf(candidate.participants).equals(Set.copyOf(stored.participants))
                && Set.copyOf(candidate.links).equals(Set.copyOf(stored.links))
                && candidate.externalIds.equals(stored.externalIds)
                && CustomValueCodec.sameValues(candidate.customFields, stored.customFields);
    }
}
