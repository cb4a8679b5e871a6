package org.tessera.crm.core.kit;

import java.util.Iterator;
import java.util.List;

import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ForbiddenException;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.TesseraException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.RejectedRow;

/**
 * The loop of a module's row-by-row import: each row read ({@link org.tessera.crm.core.kit.rest.NdjsonRows})
 * is imported on its own, and a row that cannot be — unreadable, invalid, in conflict, out of the
 * caller's reach, refused — is reported with its line and reasons without stopping the others.
 * Every row is counted once: by the importer (created, updated or unchanged) or here (rejected).
 */
public final class RowImports {
    /** Imports one readable row, counting it in {@code report}; refuses it by throwing a {@link TesseraException}. */
    @FunctionalInterface
    public interface RowImporter<T> {
        void importRow(T row, ImportReport report);
    }

    private RowImports() {
    }

    public static <T> ImportReport run(Iterator<ImportRow<T>> rows, RowImporter<T> importer) {
        ImportReport report = new ImportReport();
        while (rows.hasNext()) {
            ImportRow<T> row = rows.next();
            if (!row.errors.isEmpty() || row.value == null) {
                reject(report, row.line, row.errors.isEmpty() ? List.of(FieldError.required(null)) : row.errors);
                continue;
            }
            try {
                importer.importRow(row.value, report);
            } catch (TesseraException e) {
                reject(report, row.line, reasons(e));
            }
        }
        return report;
    }

    /** Why a row was refused, by field where the refusal names one. */
    static List<FieldError> reasons(TesseraException e) {
        if (e instanceof ValidationException invalid) {
            return invalid.errors();
        }
        if (e instanceof ConflictException conflict) {
            return List.of(new FieldError(conflict.field(), "conflict", e.getMessage()));
        }
        if (e instanceof ForbiddenException forbidden) {
            return List.of(new FieldError(forbidden.field(), "forbidden", e.getMessage()));
        }
        if (e instanceof NotFoundException) {
            return List.of(new FieldError(null, "not_found", e.getMessage()));
        }
        return List.of(new FieldError(null, "refused", e.getMessage()));
    }

    private static void reject(ImportReport report, long line, List<FieldError> errors) {
        report.rejected++;
        report.errors.add(new RejectedRow(line, errors));
    }
}
