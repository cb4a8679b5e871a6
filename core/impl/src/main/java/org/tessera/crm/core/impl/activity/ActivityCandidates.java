package org.tessera.crm.core.impl.activity;

import java.util.List;
import java.util.Map;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.impl.customfield.CustomValueNormalizer;
import org.tessera.crm.core.impl.support.Lookups;
import org.tessera.crm.core.impl.validation.Candidate;
import org.tessera.crm.core.kit.FieldErrors;

/**
 * Builds the state an activity write would store from what the client sent, the one way every
 * activity write does it (the activity service, one record at a time, and the activity import, by
 * the chunk): a writable copy; the core rules; the caller's perimeter (a restricted caller names
 * parties of their perimeter only, and at least one); the custom values, normalized. Every field
 * error is collected.
 *
 * <p>It asks the database nothing itself: the lookups, the custom field definitions and the
 * perimeter are given, so that an import asks once per chunk what a single write asks once per
 * record. What comes after it stays with the caller: uniqueness of external ids, then the
 * registered validators.
 */
public final class ActivityCandidates {
    static final String OUT_OF_SCOPE = "must name parties of your perimeter only, at least one";

    /** Whether the caller may name these participants. */
    @FunctionalInterface
    public interface Participants {
        boolean admitted(List<String> participantIds);

        /** Asks {@code scope} about each party: for a write of one record. */
        static Participants of(RecordScope scope) {
            return ids -> scope.unrestricted() || !ids.isEmpty() && ids.stream().allMatch(scope::canAccessParty);
        }
    }

    private final ActivityRules rules;
    private final CustomValueNormalizer customValues;
    private final Participants participants;

    /** @param definitions the activity custom field definitions, by key */
    public ActivityCandidates(Lookups lookups, Map<String, CustomFieldDefinitionDTO> definitions, Participants participants) {
        this.rules = new ActivityRules(lookups);
        this.customValues = new CustomValueNormalizer(definitions, lookups);
        this.participants = participants;
    }

    public Candidate<ActivityDTO> create(ActivityDTO draft) {
        return build(draft, null, false);
    }

    /** A new state of {@code stored}: what the client leaves out is cleared. */
    public Candidate<ActivityDTO> update(ActivityDTO desired, ActivityDTO stored) {
        return build(desired, stored, false);
    }

    /**
     * A row of an import, creating an activity ({@code stored} is {@code null}) or updating
     * {@code stored}, the activity holding its external ids: it needs an external id.
     */
    public Candidate<ActivityDTO> imported(ActivityDTO row, ActivityDTO stored) {
        return build(row, stored, true);
    }

    private Candidate<ActivityDTO> build(ActivityDTO incoming, ActivityDTO stored, boolean imported) {
        ActivityDTO candidate = ActivityMapper.writableCopy(incoming);
        if (stored != null) {
            candidate.id = stored.id;
        }
        FieldErrors errors = rules.check(candidate);
        if (!participants.admitted(candidate.participants)) {
            errors.invalid("participants", OUT_OF_SCOPE);
        }
        if (imported && candidate.externalIds.isEmpty()) {
            errors.add(new FieldError("externalIds", "required",
                    "an imported activity needs an external id, to be found again by the next import"));
        }
        candidate.customFields = customValues.normalize(candidate.customFields, false, errors);
        return new Candidate<>(candidate, errors.list());
    }
}
