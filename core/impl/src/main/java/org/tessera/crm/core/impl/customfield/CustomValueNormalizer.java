package org.tessera.crm.core.impl.customfield;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.customfield.CustomFieldType;
import org.tessera.crm.core.impl.support.Lookups;
import org.tessera.crm.core.kit.Decimals;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;

/**
 * Checks custom values against their definitions and converts them to the canonical types
 * (String, Long, BigDecimal, LocalDate, Boolean). Accepts JSON-ish inputs: numbers as numbers or
 * strings, dates as ISO strings, booleans as booleans or "true"/"false" (filters arrive as text).
 */
public final class CustomValueNormalizer {
    private static final String[] CORE_REFERENCE_TYPES = {"PARTY", "ACTIVITY", "AGENT", "ORG_UNIT"};

    private final Map<String, CustomFieldDefinitionDTO> definitions;
    private final Lookups lookups;

    /** @param definitions the definitions of one entity type, by key */
    public CustomValueNormalizer(Map<String, CustomFieldDefinitionDTO> definitions, Lookups lookups) {
        this.definitions = definitions;
        this.lookups = lookups;
    }

    /** Normalized values; errors are added to {@code errors} as {@code customFields.<key>}. */
    public Map<String, Object> normalize(Map<String, Object> values, boolean partial, FieldErrors errors) {
        return normalize(values, partial, errors, Set.of());
    }

    /**
     * As {@link #normalize(Map, boolean, FieldErrors)}, without the required check of the fields in
     * {@code notRequired}: an update by a caller who may not write a sensitive field keeps its stored
     * value, and cannot be asked for one the stored record lacks.
     */
    public Map<String, Object> normalize(Map<String, Object> values, boolean partial, FieldErrors errors,
            Set<String> notRequired) {
        Map<String, Object> normalized = new LinkedHashMap<>();
        Map<String, Object> input = values == null ? Map.of() : values;
        for (Map.Entry<String, Object> entry : input.entrySet()) {
            String field = "customFields." + entry.getKey();
            CustomFieldDefinitionDTO definition = definitions.get(entry.getKey());
            if (definition == null) {
                errors.invalid(field, "unknown custom field");
            } else if (entry.getValue() != null) {
                String problem = problemOf(definition, entry.getValue());
                if (problem != null) {
                    errors.add(new FieldError(field, isOutOfBounds(definition, entry.getValue()) ? Decimals.OUT_OF_RANGE
                            : "invalid", problem));
                } else {
                    normalized.put(entry.getKey(), convert(definition, entry.getValue()));
                }
            }
        }
        if (!partial) {
            for (CustomFieldDefinitionDTO definition : definitions.values()) {
                if (definition.required && input.get(definition.key) == null && !notRequired.contains(definition.key)) {
                    errors.required("customFields." + definition.key, null);
                }
            }
        }
        return normalized;
    }

    private static boolean isOutOfBounds(CustomFieldDefinitionDTO definition, Object value) {
        try {
            return definition.type == CustomFieldType.DECIMAL && !Decimals.isBounded(toDecimal(value));
        } catch (IllegalArgumentException notADecimal) {
            return false;
        }
    }

    /** Why {@code value} is not acceptable for {@code definition}, or {@code null}. */
    private String problemOf(CustomFieldDefinitionDTO definition, Object value) {
        try {
            Object canonical = convert(definition, value);
            return switch (definition.type) {
                case STRING -> definition.maxLength != null && ((String) canonical).length() > definition.maxLength
                        ? "must be at most " + definition.maxLength + " characters" : null;
                case PICKLIST -> isAllowedCode(definition, (String) canonical) ? null : "not a value of the field's list";
                case REFERENCE -> referenceExists(definition, (String) canonical) ? null
                        : "no " + definition.referenceType + " with this id";
                // before anything expands it: 1e500000000 is eleven characters, its plain form half a billion digits
                case DECIMAL -> Decimals.problemOf((BigDecimal) canonical);
                default -> null;
            };
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException | ClassCastException e) {
            return "not a valid " + definition.type + " value";
        }
    }

    private Object convert(CustomFieldDefinitionDTO definition, Object value) {
        return switch (definition.type) {
            case STRING, PICKLIST, REFERENCE -> requireString(value);
            case NUMBER -> toLong(value);
            case DECIMAL -> toDecimal(value);
            case DATE -> value instanceof LocalDate date ? date : LocalDate.parse(requireString(value));
            case BOOLEAN -> toBoolean(value);
        };
    }

    private boolean isAllowedCode(CustomFieldDefinitionDTO definition, String code) {
        if (definition.values != null && definition.values.contains(code)) {
            return true;
        }
        return definition.picklist != null && lookups.isActiveValue(definition.picklist, code);
    }

    private boolean referenceExists(CustomFieldDefinitionDTO definition, String id) {
        String type = definition.referenceType == null ? "PARTY" : definition.referenceType;
        for (String core : CORE_REFERENCE_TYPES) {
            if (core.equals(type)) {
                return Ids.parse(id).map(value -> lookups.exists(type, value)).orElse(false);
            }
        }
        // A module's entity type: the core cannot look it up, only check the id's shape.
        return Ids.parse(id).isPresent();
    }

    private static String requireString(Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("not a string");
    }

    private static Long toLong(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.longValueExact();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.longValueExact();
        }
        if (value instanceof String s) {
            return Long.valueOf(s.trim());
        }
        throw new IllegalArgumentException("not an integer");
    }

    private static BigDecimal toDecimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof Double || value instanceof Float) {
            // JSON parsers give doubles; their shortest decimal form is what the client wrote.
            return new BigDecimal(value.toString());
        }
        if (value instanceof String s) {
            return new BigDecimal(s.trim());
        }
        throw new IllegalArgumentException("not a number");
    }

    private static Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf((String) value);
        }
        throw new IllegalArgumentException("not a boolean");
    }
}
