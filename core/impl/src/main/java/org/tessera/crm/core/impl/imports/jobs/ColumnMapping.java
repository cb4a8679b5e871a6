package org.tessera.crm.core.impl.imports.jobs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;

/**
 * How the columns of a CSV file map to the fields of a row: given by the job ({@code column -> field
 * path}), or, when the job gives none, each header naming its own field. Checked against the header
 * and the row type's properties before the job is queued, so that a typo is a 400 naming
 * {@code mapping}, not a job whose every row is rejected.
 */
final class ColumnMapping {
    /** The request parameter or job field the errors name. */
    static final String FIELD = "mapping";

    /** One mapped column: its position in the header, its name, the field it fills. */
    record Binding(int index, String column, FieldPath path) {
    }

    private final List<Binding> bindings;

    private ColumnMapping(List<Binding> bindings) {
        this.bindings = List.copyOf(bindings);
    }

    List<Binding> bindings() {
        return bindings;
    }

    /** The column that fills {@code field} (a reported field path), or whose field contains it; {@code null} if none. */
    String columnOf(String field) {
        if (field == null) {
            return null;
        }
        String best = null;
        int bestLength = -1;
        for (Binding binding : bindings) {
            String path = binding.path().toString();
            if (field.equals(path)) {
                return binding.column();
            }
            boolean contains = field.startsWith(path + ".") || field.startsWith(path + "[") || path.startsWith(field + ".")
                    || path.startsWith(field + "[");
            if (contains && path.length() > bestLength) {
                best = binding.column();
                bestLength = path.length();
            }
        }
        return best;
    }

    /**
     * Binds {@code mapping} (or, when empty, every header) to the positions of {@code header}.
     *
     * @param properties the JSON properties of the row type: a field must start with one of them
     * @throws ValidationException naming {@code mapping}: a mapped column is not in the header, a
     *         field is no path or not a property of the row, two columns fill one field
     */
    static ColumnMapping bind(Map<String, String> mapping, List<String> header, Collection<String> properties) {
        List<FieldError> errors = new ArrayList<>();
        List<Binding> bindings = new ArrayList<>();
        Set<String> fields = new java.util.HashSet<>();
        Map<String, String> effective = new LinkedHashMap<>();
        if (mapping.isEmpty()) {
            header.forEach(column -> effective.put(column, column));
        } else {
            effective.putAll(mapping);
        }
        for (Map.Entry<String, String> entry : effective.entrySet()) {
            String column = entry.getKey();
            int index = header.indexOf(column);
            if (index < 0) {
                errors.add(FieldError.invalid(FIELD, "the column '" + column + "' is not in the header " + header));
                continue;
            }
            FieldPath path = FieldPath.parse(entry.getValue());
            if (path == null) {
                errors.add(FieldError.invalid(FIELD, "the column '" + column + "' maps to '" + entry.getValue()
                        + "', which is no field path"));
            } else if (!properties.contains(path.property())) {
                errors.add(FieldError.invalid(FIELD, "the column '" + column + "' maps to '" + entry.getValue()
                        + "': '" + path.property() + "' is not a field of this type"));
            } else if (!fields.add(path.toString())) {
                errors.add(FieldError.invalid(FIELD, "the field '" + path + "' is filled by two columns"));
            } else {
                bindings.add(new Binding(index, column, path));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ColumnMapping(bindings);
    }
}
