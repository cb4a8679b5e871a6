package org.tessera.crm.banking.impl.conditions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tessera.crm.core.api.FieldError;

/**
 * The parameter checks every evaluator needs: unknown names, missing ones, and their types, each
 * error naming its path ({@code conditions[1].parameters.withinDays}).
 */
final class Parameters {
    private final String path;
    private final Map<String, Object> values;
    final List<FieldError> errors = new ArrayList<>();

    private Parameters(String path, Map<String, Object> values) {
        this.path = path;
        this.values = values;
    }

    /** Starts the checks: every name not in {@code required} nor {@code optional} is an error. */
    static Parameters check(String path, Map<String, Object> values, Set<String> required, Set<String> optional) {
        Parameters parameters = new Parameters(path, values);
        for (String name : values.keySet()) {
            if (!required.contains(name) && !optional.contains(name)) {
                parameters.errors.add(new FieldError(parameters.field(name), "unknown", "not a parameter of this condition; known: "
                        + new java.util.TreeSet<>(union(required, optional))));
            }
        }
        for (String name : required) {
            if (values.get(name) == null) {
                parameters.errors.add(FieldError.required(parameters.field(name)));
            }
        }
        return parameters;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    String field(String name) {
        return path + ".parameters." + name;
    }

    Parameters text(String name) {
        Object value = values.get(name);
        if (value != null && !(value instanceof String s && !s.isBlank() && s.length() <= 200)) {
            errors.add(FieldError.invalid(field(name), "must be a text of 1 to 200 characters"));
        }
        return this;
    }

    Parameters oneOf(String name, Set<String> allowed) {
        Object value = values.get(name);
        if (value != null && !allowed.contains(value)) {
            errors.add(FieldError.invalid(field(name), "must be one of " + new java.util.TreeSet<>(allowed)));
        }
        return this;
    }

    Parameters wholeNumber(String name, int min, int max) {
        Object value = values.get(name);
        if (value != null && !(value instanceof Integer i && i >= min && i <= max)) {
            errors.add(FieldError.invalid(field(name), "must be a whole number from " + min + " to " + max));
        }
        return this;
    }

    Parameters amount(String name) {
        Object value = values.get(name);
        if (value != null && decimal(value) == null) {
            errors.add(FieldError.invalid(field(name), "must be a number"));
        }
        return this;
    }

    Parameters bool(String name) {
        Object value = values.get(name);
        if (value != null && !(value instanceof Boolean)) {
            errors.add(FieldError.invalid(field(name), "must be true or false"));
        }
        return this;
    }

    /** A number of the JSON document as a decimal, or {@code null} when it is none (or too wide to be an amount). */
    static BigDecimal decimal(Object value) {
        if (!(value instanceof Number number)) {
            return null;
        }
        BigDecimal decimal = new BigDecimal(number.toString());
        return decimal.precision() - decimal.scale() > 19 || decimal.scale() > 6 ? null : decimal;
    }

    static String text(Map<String, Object> values, String name) {
        Object value = values.get(name);
        return value == null ? null : value.toString();
    }

    static Integer integer(Map<String, Object> values, String name) {
        Object value = values.get(name);
        return value instanceof Number n ? n.intValue() : null;
    }
}
