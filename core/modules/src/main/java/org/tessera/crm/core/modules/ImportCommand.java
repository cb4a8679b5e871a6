package org.tessera.crm.core.modules;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.tessera.crm.core.api.imports.ImportFormat;
import org.tessera.crm.core.api.imports.ImportJobDTO;
import org.tessera.crm.core.api.imports.ImportJobRequest;
import org.tessera.crm.core.api.imports.ImportJobService;
import org.tessera.crm.core.api.security.CallerContext;

/**
 * {@code tessera:import --type party [--format csv] [--mapping 'col=field,...'] FILE}: submits an
 * import job, as the system (the shell is guarded by its own ACLs), then draws its progress until it
 * ends. Interrupting the command (Ctrl-C) stops the drawing, not the job. Karaf's parser takes the
 * options before the file only.
 */
@Service
@Command(scope = "tessera", name = "import", description = "Imports a file (NDJSON or CSV) as a background import job and shows its progress")
public class ImportCommand implements Action {
    private static final int BAR_WIDTH = 30;
    private static final long REFRESH_MILLIS = 500;

    @Argument(index = 0, name = "file", required = true, description = "The file to import, on the server's file system")
    String file;

    @Option(name = "-t", aliases = "--type", required = true,
            description = "Entity type: party, activity, or a module's (service.request, banking.account, ...)")
    String type;

    @Option(name = "-f", aliases = "--format", description = "ndjson or csv (default: csv for a .csv file, else ndjson)")
    String format;

    @Option(name = "-m", aliases = "--mapping", description = "CSV columns to fields: column=field,column=field"
            + " (fields such as legalName, externalIds.legacy, custom.segment); default: each header names its field")
    String mapping;

    @Option(name = "--no-wait", description = "Submit and return at once, without the progress bar")
    boolean noWait;

    @Reference
    Session session;

    @Reference
    ImportJobService jobs;

    @Reference
    CallerContext callers;

    @Override
    public Object execute() throws Exception {
        PrintStream out = session.getConsole();
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no such file: " + path.toAbsolutePath());
        }
        ImportJobRequest request = new ImportJobRequest();
        request.entityType = type;
        request.format = format != null ? ImportFormat.parse(format)
                : path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? ImportFormat.CSV : ImportFormat.NDJSON;
        if (request.format == null) {
            throw new IllegalArgumentException("--format must be ndjson or csv");
        }
        request.mapping = ImportJobRequest.parseMapping(mapping);
        request.fileName = path.getFileName().toString();
        ImportJobDTO job;
        try (InputStream in = Files.newInputStream(path)) {
            job = callers.callAsSystem(() -> jobs.submit(request, in));
        }
        out.println("Import job " + job.id + " queued: " + job.totalRows + " rows of " + job.entityType);
        if (noWait) {
            return null;
        }
        String id = job.id;
        while (!job.state.isFinal()) {
            out.print("\r" + ProgressBar.line(job, BAR_WIDTH));
            out.flush();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(REFRESH_MILLIS));
            if (Thread.currentThread().isInterrupted()) {
                out.println();
                out.println("Stopped watching; the job goes on (GET /tessera/api/v1/import-jobs/" + id + ")");
                return null;
            }
            job = callers.callAsSystem(() -> jobs.find(id)).orElseThrow();
        }
        out.println("\r" + ProgressBar.line(job, BAR_WIDTH));
        out.printf("%s: %d read, %d created, %d updated, %d unchanged, %d rejected%s%n", job.state, job.rowsRead, job.created,
                job.updated, job.unchanged, job.rejected, job.message == null ? "" : " (" + job.message + ")");
        if (job.rejected > 0) {
            out.println("Report: GET /tessera/api/v1/import-jobs/" + id + "/report?format=csv");
        }
        return null;
    }
}
