package org.tessera.crm.core.api.imports;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;

/** What to import: the entity type, the file's format and, for CSV, how columns map to fields. */
public class ImportJobRequest {
    /** An entity type of a registered {@link ImportTarget}, e.g. {@code party}. */
    public String entityType;
    public ImportFormat format;
    /**
     * CSV only: header column name to field path, e.g. {@code "Company" -> "legalName"},
     * {@code "Segment" -> "custom.segment"} (a custom field), {@code "Legacy id" -> "externalIds.legacy"},
     * {@code "Phone" -> "contactMechanisms[0].value"}. Columns not named are ignored. Empty: every
     * header is itself a field path.
     */
    public Map<String, String> mapping = new LinkedHashMap<>();
    /** The file's name, for the job's listing; optional. */
    public String fileName;

    /** The field the mapping's errors name. */
    public static final String MAPPING = "mapping";

    /**
     * Parses a mapping written {@code column=field,column=field} (a column's name may hold neither
     * {@code =} nor {@code ,}); blank is no mapping.
     *
     * @throws ValidationException naming {@code mapping}
     */
    public static Map<String, String> parseMapping(String text) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return mapping;
        }
        for (String pair : text.split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1 || pair.substring(0, equals).isBlank()) {
                throw new ValidationException(FieldError.invalid(MAPPING, "'" + pair.strip()
                        + "' is not column=field (the mapping is column=field,column=field)"));
            }
            String column = pair.substring(0, equals).strip();
            if (mapping.put(column, pair.substring(equals + 1).strip()) != null) {
                throw new ValidationException(FieldError.invalid(MAPPING, "the column '" + column + "' is mapped twice"));
            }
        }
        return mapping;
    }
}
