package org.tessera.crm.core.kit.export;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * The columns of a CSV export, derived from the record's JSON shape so that a field added to a DTO
 * reaches the file without a change here: one column per JSON property, in the DTO's order; the
 * custom fields, one column {@code custom.<key>} each, in place of the {@code customFields} object;
 * then any derived columns a module adds ({@link #with}). A cell holds a scalar as text (a decimal
 * in plain notation), an array or object as compact JSON, and nothing for {@code null}.
 */
public final class ExportColumns<T> {
    /** The JSON property whose members become {@code custom.<key>} columns. */
    public static final String CUSTOM_FIELDS = "customFields";
    /** The prefix of a custom field's column. */
    public static final String CUSTOM_PREFIX = "custom.";

    private final ObjectMapper mapper;
    private final List<String> properties;
    /** How each property's value is read from a record, in the order of {@link #properties}. */
    private final List<AnnotatedMember> accessors;
    private final List<String> customKeys;
    private final Map<String, Function<T, String>> derived = new LinkedHashMap<>();

    private ExportColumns(ObjectMapper mapper, List<String> properties, List<AnnotatedMember> accessors, List<String> customKeys) {
        this.mapper = mapper;
        this.properties = properties;
        this.accessors = accessors;
        this.customKeys = customKeys;
    }

    /**
     * The columns of {@code type}'s JSON properties (as {@code mapper} writes them) and of the
     * custom fields {@code customKeys} (those the caller may read: see
     * {@link org.tessera.crm.core.api.RecordExport#customFieldKeys()}).
     */
    public static <T> ExportColumns<T> of(ObjectMapper mapper, Class<T> type, List<String> customKeys) {
        BeanDescription bean = mapper.getSerializationConfig().introspect(mapper.constructType(type));
        List<String> properties = new ArrayList<>();
        List<AnnotatedMember> accessors = new ArrayList<>();
        for (BeanPropertyDefinition property : bean.findProperties()) {
            if (property.couldSerialize()) {
                properties.add(property.getName());
                accessors.add(property.getAccessor());
            }
        }
        return new ExportColumns<>(mapper, properties, accessors, List.copyOf(customKeys));
    }

    /** Adds a derived column after the DTO's own (e.g. a party's primary email); its value may be null. */
    public ExportColumns<T> with(String name, Function<T, String> value) {
        derived.put(name, value);
        return this;
    }

    /** The header row. */
    public List<String> header() {
        List<String> header = new ArrayList<>();
        for (String property : properties) {
            if (CUSTOM_FIELDS.equals(property)) {
                customKeys.forEach(key -> header.add(CUSTOM_PREFIX + key));
            } else {
                header.add(property);
            }
        }
        header.addAll(derived.keySet());
        return Collections.unmodifiableList(header);
    }

    /**
     * The cells of {@code record}, in the order of {@link #header()}. Each property is read on its
     * own: plain text and numbers are written as they are, and only the other values (dates, enums,
     * lists, maps) go through the mapper, as a whole record once did, which cost an export of a
     * million rows most of its time.
     */
    public List<String> cells(T record) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < properties.size(); i++) {
            Object value = accessors.get(i).getValue(record);
            if (CUSTOM_FIELDS.equals(properties.get(i))) {
                Map<?, ?> custom = value instanceof Map<?, ?> map ? map : Map.of();
                customKeys.forEach(key -> cells.add(cell(custom.get(key))));
            } else {
                cells.add(cell(value));
            }
        }
        derived.values().forEach(value -> cells.add(value.apply(record)));
        return cells;
    }

    private String cell(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            try {
                return mapper.writeValueAsString(value); // the API's JSON text of it
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a cell as JSON: " + e.getOriginalMessage(), e);
            }
        }
        return cell(mapper.valueToTree(value));
    }

    static String cell(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        return value.toString();
    }
}
