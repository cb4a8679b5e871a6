package org.tessera.crm.core.impl.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.webhook.WebhookDTO;
import org.tessera.crm.core.impl.outbox.FeedPermissions;

/** What a subscription written by a caller must satisfy; every offending field is named. */
final class WebhookRules {
    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 200;
    static final int MAX_NAMES = 50;
    private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,99}");

    private WebhookRules() {
    }

    /**
     * @param create whether the secret is required (a replacement may keep the stored one)
     * @param holds  whether the caller holds a permission: a subscription may carry only the types its writer may read
     */
    static List<FieldError> errors(WebhookDTO input, boolean create, TargetAddresses targets, FeedPermissions feed,
            Predicate<String> holds) {
        List<FieldError> errors = new ArrayList<>();
        if (input == null) {
            return List.of(FieldError.required("body"));
        }
        targets.refusal(input.url).ifPresent(reason -> errors.add(FieldError.invalid("url", reason)));
        if (input.types == null || input.types.isEmpty()) {
            errors.add(FieldError.required("types"));
        } else if (input.types.size() > MAX_NAMES) {
            errors.add(FieldError.invalid("types", "at most " + MAX_NAMES));
        } else {
            for (String type : input.types) {
                if (type == null || !feed.known(type)) {
                    errors.add(FieldError.invalid("types", "unknown type " + type
                            + ": a core type (party, activity) or <module>.<entity> of an installed module"));
                } else if (feed.readPermission(type) == null || !holds.test(feed.readPermission(type))) {
                    errors.add(FieldError.invalid("types", "you may not read the changes of " + type));
                }
            }
        }
        if (input.filter != null) {
            names(errors, "filter.actions", input.filter.actions, ACTION);
            names(errors, "filter.changedFields", input.filter.changedFields, FIELD);
        }
        if (input.secret == null) {
            if (create) {
                errors.add(FieldError.required("secret"));
            }
        } else if (input.secret.length() < MIN_SECRET || input.secret.length() > MAX_SECRET || input.secret.isBlank()) {
            errors.add(FieldError.invalid("secret", "must be " + MIN_SECRET + " to " + MAX_SECRET + " characters"));
        }
        return errors;
    }

    private static void names(List<FieldError> errors, String field, List<String> names, Pattern pattern) {
        if (names == null) {
            return;
        }
        if (names.size() > MAX_NAMES) {
            errors.add(FieldError.invalid(field, "at most " + MAX_NAMES));
            return;
        }
        for (String name : names) {
            if (name == null || !pattern.matcher(name).matches()) {
                errors.add(FieldError.invalid(field, "invalid name " + name));
            }
        }
    }
}
