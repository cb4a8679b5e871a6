package org.tessera.crm.core.impl.imports.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.imports.DuplicateRow;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportReportRow;
import org.tessera.crm.core.api.imports.RejectedRow;

/**
 * A chunk's report as the job keeps it: one row per reason of each rejected row, one per row
 * written as a likely duplicate, in line order, each naming its CSV column where the field maps
 * to one.
 */
final class ReportRows {
    /** The code of a row written although it matches a warning duplicate rule. */
    static final String DUPLICATE_WARNING = "duplicate_warning";

    private ReportRows() {
    }

    /** @param columnOf the column a field came from, {@code null} when unknown (NDJSON: always) */
    static List<ImportReportRow> of(ImportReport report, UnaryOperator<String> columnOf) {
        List<ImportReportRow> rows = new ArrayList<>();
        for (RejectedRow rejected : report.errors) {
            List<FieldError> errors = rejected.errors.isEmpty()
                    ? List.of(new FieldError(null, "duplicate", "duplicates stored records")) : rejected.errors;
            for (FieldError error : errors) {
                ImportReportRow row = new ImportReportRow();
                row.line = rejected.line;
                row.field = error.field;
                row.column = columnOf.apply(error.field);
                row.code = error.code;
                row.message = error.message;
                row.duplicateOf = new ArrayList<>(rejected.duplicateOf);
                rows.add(row);
            }
        }
        for (DuplicateRow duplicate : report.duplicates) {
            ImportReportRow row = new ImportReportRow();
            row.line = duplicate.line;
            row.code = DUPLICATE_WARNING;
            row.message = "written as " + duplicate.recordId + " although it matches a warning duplicate rule";
            row.duplicateOf = new ArrayList<>(duplicate.duplicateOf);
            rows.add(row);
        }
        rows.sort(Comparator.comparingLong(row -> row.line)); // stable: a line's reasons keep their order
        return rows;
    }
}
