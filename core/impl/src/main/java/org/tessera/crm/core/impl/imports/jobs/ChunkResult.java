package org.tessera.crm.core.impl.imports.jobs;

import java.util.List;

import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportReportRow;

/** What one chunk did: its importer's report, the rows it held, the last line it reached, the time it took, its report rows. */
record ChunkResult(ImportReport report, long rows, long lastLine, long millis, List<ImportReportRow> reportRows) {
}
