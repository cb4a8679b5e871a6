package org.tessera.crm.core.impl.activity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityTypes;
import org.tessera.crm.core.impl.support.ExternalIds;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.impl.support.JpaLookups;
import org.tessera.crm.core.impl.support.Lookups;

/** The core's own checks of an activity, every error named by its JSON path. */
public final class ActivityRules {
    /** {@code module:entity:id}, for example {@code sales:opportunity:42}. */
    static final Pattern LINK = Pattern.compile("[a-z][a-z0-9-]*:[a-z][a-zA-Z0-9-]*:[A-Za-z0-9._-]+");

    private final Lookups lookups;

    public ActivityRules(Lookups lookups) {
        this.lookups = lookups;
    }

    public FieldErrors check(ActivityDTO a) {
        FieldErrors errors = new FieldErrors();
        if (a.type == null || a.type.isBlank()) {
            errors.required("type", null);
        } else {
            checkCode("type", a.type, ActivityTypes.TYPE_PICKLIST, errors);
        }
        errors.required("subject", a.subject);
        errors.maxLength("subject", a.subject, 200);
        errors.maxLength("description", a.description, 4000);
        checkCode("channel", a.channel, ActivityTypes.CHANNEL_PICKLIST, errors);
        checkCode("outcome", a.outcome, ActivityTypes.OUTCOME_PICKLIST, errors);
        if (a.ownerId != null && !JpaLookups.exists(lookups, EntityTypes.AGENT, a.ownerId)) {
            errors.invalid("ownerId", "no such agent");
        }
        if (a.assigneeId != null && !JpaLookups.exists(lookups, EntityTypes.AGENT, a.assigneeId)) {
            errors.invalid("assigneeId", "no such agent");
        }
        if (a.startAt != null && a.endAt != null && a.startAt.isAfter(a.endAt)) {
            errors.invalid("endAt", "must not be before startAt");
        }
        checkParticipants(a.participants, errors);
        checkLinks(a.links, errors);
        ExternalIds.check(a.externalIds, errors);
        return errors;
    }

    private void checkCode(String field, String code, String picklist, FieldErrors errors) {
        if (code != null && !lookups.isActiveValue(picklist, code)) {
            errors.invalid(field, "not an active value of " + picklist);
        }
    }

    private void checkParticipants(List<String> participants, FieldErrors errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < participants.size(); i++) {
            String id = participants.get(i);
            String field = "participants[" + i + "]";
            if (!JpaLookups.exists(lookups, EntityTypes.PARTY, id)) {
                errors.invalid(field, "no such party");
            } else if (!seen.add(id)) {
                errors.invalid(field, "listed twice");
            }
        }
    }

    private static void checkLinks(List<String> links, FieldErrors errors) {
        for (int i = 0; i < links.size(); i++) {
            String link = links.get(i);
            if (link == null || link.length() > 200 || !LINK.matcher(link).matches()) {
                errors.invalid("links[" + i + "]", "must be module:entity:id");
            }
        }
    }
}
