package org.tessera.crm.core.api.imports;

import java.util.LinkedHashMap;
import java.util.Map;

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
}
