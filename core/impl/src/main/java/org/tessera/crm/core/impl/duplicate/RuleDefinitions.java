package org.tessera.crm.core.impl.duplicate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.duplicate.DuplicateRuleDTO;
import org.tessera.crm.core.api.duplicate.MatchFieldDTO;
import org.tessera.crm.core.api.duplicate.MatchMethod;

/**
 * Validates rule definitions and converts them: to the compiled {@link MatchRule}, and to and from
 * the one-line form the rule table stores ({@code field:METHOD[:threshold]} joined by commas).
 */
public final class RuleDefinitions {
    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    static final int MAX_FIELDS = 8;
    static final int MAX_DESCRIPTION = 200;

    private RuleDefinitions() {
    }

    /** Every reason {@code rule} cannot be stored; {@code customKeys} are the custom fields of parties. */
    public static List<FieldError> errors(String key, DuplicateRuleDTO rule, Set<String> customKeys) {
        List<FieldError> errors = new ArrayList<>();
        if (key == null || !KEY.matcher(key).matches()) {
            errors.add(FieldError.invalid("key", "lower-case letters, digits and dashes, at most 60"));
        }
        if (rule == null) {
            errors.add(FieldError.required("rule"));
            return errors;
        }
        if (rule.partyType == null) {
            errors.add(FieldError.required("partyType"));
        }
        if (rule.action == null) {
            errors.add(FieldError.required("action"));
        }
        if (rule.description != null && rule.description.length() > MAX_DESCRIPTION) {
            errors.add(FieldError.invalid("description", "at most " + MAX_DESCRIPTION + " characters"));
        }
        if (rule.fields == null || rule.fields.isEmpty()) {
            errors.add(FieldError.required("fields"));
            return errors;
        }
        if (rule.fields.size() > MAX_FIELDS) {
            errors.add(FieldError.invalid("fields", "at most " + MAX_FIELDS + " fields"));
        }
        boolean blockable = false;
        for (int i = 0; i < rule.fields.size(); i++) {
            MatchFieldDTO field = rule.fields.get(i);
            String path = "fields[" + i + "]";
            if (field == null) {
                errors.add(FieldError.required(path));
                continue;
            }
            if (field.field == null) {
                errors.add(FieldError.required(path + ".field"));
            } else if (!MatchField.known(field.field)) {
                errors.add(FieldError.invalid(path + ".field", "unknown field; one of " + MatchField.NAMES + " or custom.<key>"));
            } else if (field.field.startsWith(MatchField.CUSTOM) && !customKeys.contains(field.field.substring(MatchField.CUSTOM.length()))) {
                errors.add(FieldError.invalid(path + ".field", "no custom field of parties has this key"));
            }
            if (field.method == null) {
                errors.add(FieldError.required(path + ".method"));
                continue;
            }
            if (field.method == MatchMethod.FUZZY) {
                if (field.threshold == null) {
                    errors.add(FieldError.required(path + ".threshold"));
                } else if (field.threshold.isNaN() || field.threshold < 0 || field.threshold > 1) {
                    errors.add(FieldError.invalid(path + ".threshold", "between 0 and 1"));
                }
            } else {
                blockable = true;
            }
        }
        if (!blockable && errors.isEmpty()) {
            errors.add(FieldError.invalid("fields", "at least one field must be EXACT or NORMALIZED:"
                    + " the database finds a party's candidates by those values"));
        }
        return errors;
    }

    /** The compiled rule of a valid definition. */
    public static MatchRule compile(DuplicateRuleDTO rule) {
        List<MatchField> fields = new ArrayList<>();
        for (MatchFieldDTO f : rule.fields) {
            fields.add(new MatchField(f.field, f.method, f.method == MatchMethod.FUZZY ? f.threshold : 1));
        }
        return new MatchRule(rule.key, rule.partyType, rule.action, fields);
    }

    /** The stored form of the fields: {@code email:NORMALIZED,name:FUZZY:0.92}. */
    public static String encode(List<MatchFieldDTO> fields) {
        List<String> parts = new ArrayList<>();
        for (MatchFieldDTO f : fields) {
            parts.add(f.field + ":" + f.method.name() + (f.method == MatchMethod.FUZZY ? ":" + f.threshold : ""));
        }
        return String.join(",", parts);
    }

    /** The fields of their stored form. */
    public static List<MatchFieldDTO> decode(String text) {
        List<MatchFieldDTO> fields = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] pieces = part.trim().split(":");
            MatchMethod method = MatchMethod.valueOf(pieces[1].toUpperCase(Locale.ROOT));
            Double threshold = pieces.length > 2 ? Double.valueOf(pieces[2]) : null;
            fields.add(new MatchFieldDTO(pieces[0], method, threshold));
        }
        return fields;
    }
}
