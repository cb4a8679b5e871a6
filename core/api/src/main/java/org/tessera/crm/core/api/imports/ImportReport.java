package org.tessera.crm.core.api.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did, row by row: how many rows created a record, updated one, found it already
 * up to date, or were rejected, and for each rejected row its line and reasons. Every row of the
 * input is counted exactly once.
 */
public class ImportReport {
    public long created;
    public long updated;
    public long unchanged;
    public long rejected;
    /** The rejected rows, in line order. */
    public List<RejectedRow> errors = new ArrayList<>();
    /** Rows written although they match a warning duplicate rule (imports that allow duplicates), in line order. */
    public List<DuplicateRow> duplicates = new ArrayList<>();

    /** All rows counted. */
    public long total() {
        return created + updated + unchanged + rejected;
    }
}
