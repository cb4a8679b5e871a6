package org.tessera.crm.core.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ForbiddenException;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.TesseraException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.RejectedRow;

class RowImportsTest {

    @Test
    void everyRowIsCountedOnceAndARefusedOneNeverStopsTheOthers() {
        List<ImportRow<String>> rows = List.of(
                ImportRow.of(1, "create"),
                ImportRow.unreadable(2, List.of(new FieldError(null, "malformed", "not JSON"))),
                ImportRow.of(3, "invalid"),
                ImportRow.of(4, "conflict"),
                ImportRow.of(5, "forbidden"),
                ImportRow.of(6, "missing"),
                ImportRow.of(7, "away"),
                ImportRow.of(8, "update"));
        ImportReport report = RowImports.run(rows.iterator(), (row, r) -> {
            switch (row) {
                case "create" -> r.created++;
                case "update" -> r.updated++;
                case "invalid" -> throw new ValidationException(FieldError.required("number"));
                case "conflict" -> throw new ConflictException("number", "taken");
                case "forbidden" -> throw new ForbiddenException("ownerId", "not yours");
                case "missing" -> throw new NotFoundException("PARTY", "42");
                default -> throw new TesseraException("sales is not installed") { };
            }
        });
        assertEquals(1, report.created);
        assertEquals(1, report.updated);
        assertEquals(6, report.rejected);
        assertEquals(8, report.total());
        assertEquals(List.of("2 null malformed", "3 number required", "4 number conflict", "5 ownerId forbidden", "6 null not_found",
                "7 null refused"), report.errors.stream().map(RowImportsTest::describe).toList());
    }

    private static String describe(RejectedRow row) {
        FieldError error = row.errors.get(0);
        return row.line + " " + error.field + " " + error.code;
    }
}
