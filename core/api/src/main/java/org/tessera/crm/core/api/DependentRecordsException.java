package org.tessera.crm.core.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A record cannot be deleted because records of the core or of modules depend on it; deleting it
 * would leave them orphaned. HTTP 409, listing the dependents.
 */
public class DependentRecordsException extends ConflictException {
    private static final long serialVersionUID = 1L;
    private final transient List<DependentRecordsDTO> dependents;

    public DependentRecordsException(String entityType, String id, List<DependentRecordsDTO> dependents) {
        super(null, entityType + " " + id + " cannot be deleted while records depend on it: " + dependents.stream()
                .map(d -> d.count + " " + d.module + " " + d.type).collect(Collectors.joining(", ")));
        this.dependents = List.copyOf(dependents);
    }

    /** What depends on the record, by module and type. */
    public List<DependentRecordsDTO> dependents() {
        return dependents;
    }
}
