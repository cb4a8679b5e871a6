package org.tessera.crm.core.kit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemException;

class ExportFormatTest {

    @Test
    void theFormatIsReadCaseInsensitivelyAndDefaultsToNdjson() {
        assertEquals(ExportFormat.CSV, ExportFormat.parse("CSV"));
        assertEquals(ExportFormat.NDJSON, ExportFormat.parse("ndjson"));
        assertEquals(ExportFormat.NDJSON, ExportFormat.parse(null));
    }

    @Test
    void anUnknownFormatIsA400NamingTheParameter() {
        ProblemException refused = assertThrows(ProblemException.class, () -> ExportFormat.parse("xlsx"));
        assertEquals(400, refused.getResponse().getStatus());
        Problem problem = (Problem) refused.getResponse().getEntity();
        assertEquals("format", problem.errors.get(0).field);
    }

    @Test
    void theFileIsAnAttachmentNamedAfterTheRecordsAndTheDate() {
        assertEquals("attachment; filename=parties-2026-12-03.csv",
                ExportResponses.contentDisposition("parties", ExportFormat.CSV, LocalDate.of(2026, 12, 3)));
    }
}
