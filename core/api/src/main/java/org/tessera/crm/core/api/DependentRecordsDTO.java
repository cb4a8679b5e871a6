package org.tessera.crm.core.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Records of one type, owned by one module, that depend on another record (a party, an
 * opportunity): what would be left unreachable if that record were deleted.
 */
public class DependentRecordsDTO {
    /** How many example ids a contributor lists at most. */
    public static final int SAMPLE_SIZE = 5;

    /** The module that owns the records, for example {@code sales}. */
    public String module;
    /** Their entity type, for example {@code OPPORTUNITY}. */
    public String type;
    /** How many there are, whatever the caller's scope. */
    public long count;
    /** The ids of a few of them (at most {@link #SAMPLE_SIZE}), smallest first. */
    public List<String> ids = new ArrayList<>();

    public DependentRecordsDTO() {
    }

    public DependentRecordsDTO(String module, String type, long count, List<String> ids) {
        this.module = module;
        this.type = type;
        this.count = count;
        this.ids = new ArrayList<>(ids);
    }
}
