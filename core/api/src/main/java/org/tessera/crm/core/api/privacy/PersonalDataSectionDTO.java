package org.tessera.crm.core.api.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One module's part of a personal data export. */
public class PersonalDataSectionDTO {
    public String module;
    /** The module's records about the person, by entity type; each record a map of its fields. */
    public Map<String, List<Map<String, Object>>> records = new LinkedHashMap<>();
    /** What the module keeps after an erasure, and why ({@link PersonalDataProvider#retention()}). */
    public String retention;
    /** When the module could not answer: why (the rest of the export is still given). */
    public String error;

    /** The list of records of {@code entityType}, created empty on first use. */
    public List<Map<String, Object>> recordsOf(String entityType) {
        return records.computeIfAbsent(entityType, type -> new ArrayList<>());
    }
}
