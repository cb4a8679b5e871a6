package org.tessera.crm.core.api.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of an import job's report: a reason a row was rejected, or a warning that it was
 * written as a likely duplicate. A row rejected for several reasons has one report row for each.
 */
public class ImportReportRow {
    /** 1-based line of the file where the row starts. */
    public long line;
    /** The CSV column (its header) the reason is about, when known; {@code null} for NDJSON. */
    public String column;
    /** The field the reason is about, when known. */
    public String field;
    public String code;
    public String message;
    /** Ids of the stored records the row duplicates, when a duplicate rule spoke. */
    public List<String> duplicateOf = new ArrayList<>();
}
