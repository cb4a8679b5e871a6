package org.tessera.crm.core.impl.imports.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.TesseraException;
import org.tessera.crm.core.api.imports.ImportFormat;
import org.tessera.crm.core.api.imports.ImportJobState;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.ImportTarget;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RoleService;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.core.kit.rest.NdjsonRows;
import org.tessera.crm.core.kit.rest.ObjectMappers;

/**
 * Works the import jobs, one at a time, on one thread: reads the job's spooled file from the line
 * after its last committed chunk, hands the rows to the type's {@link ImportTarget} a chunk at a
 * time, as the submitter, and records each chunk's counts and report in its own transaction. A stop
 * (deactivation) ends after the current chunk and leaves the job RUNNING: the next start resumes it.
 * A job whose type has no target waits, QUEUED, saying so.
 */
@Component(service = ImportJobWorker.class, immediate = true, configurationPid = ImportJobsConfig.PID)
@Designate(ocd = ImportJobsConfig.class)
public class ImportJobWorker {
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobWorker.class);

    private final ImportJobStore store;
    private final ImportSpool spool;
    private final ImportTargets targets;
    private final CallerContext callers;
    private final RoleService roles;
    private final ObjectMapper mapper = ObjectMappers.create();
    private final int chunkRows;
    private final long pollMillis;
    private final Object monitor = new Object();
    private final Runnable wake = this::wake;
    private ExecutorService executor;
    private volatile boolean running;
    private boolean woken;

    @Activate
    public ImportJobWorker(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, @Reference(name = "targets") ImportTargets targets,
            @Reference(name = "callers") CallerContext callers, @Reference(name = "roles") RoleService roles, ImportJobsConfig config) {
        this(tx, targets, callers, roles, spoolDirectory(config.spoolDirectory()), config.chunkRows(), config.pollMillis());
        start();
    }

    /** For tests: not started. */
    public ImportJobWorker(Tx tx, ImportTargets targets, CallerContext callers, RoleService roles, Path spoolDirectory,
            int chunkRows, long pollMillis) {
        if (chunkRows < 1 || pollMillis < 1) {
            throw new IllegalArgumentException("chunkRows and pollMillis must be positive");
        }
        this.store = new ImportJobStore(tx, mapper);
        this.spool = new ImportSpool(spoolDirectory);
        this.targets = targets;
        this.callers = callers;
        this.roles = roles;
        this.chunkRows = chunkRows;
        this.pollMillis = pollMillis;
    }

    private static Path spoolDirectory(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        String data = System.getProperty("karaf.data", System.getProperty("java.io.tmpdir"));
        return Path.of(data, "tessera", "import-jobs");
    }

    ImportSpool spool() {
        return spool;
    }

    ImportJobStore store() {
        return store;
    }

    /** Starts the worker's thread; the jobs left RUNNING by a stop are resumed first (they are the oldest). */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        running = true;
        executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "tessera-import-jobs");
            thread.setDaemon(true);
            return thread;
        });
        targets.onArrival(wake);
        executor.execute(this::loop);
        LOG.info("Import job worker started (chunks of {} rows, spool {})", chunkRows, spool.directory());
    }

    /** Stops after the chunk being written; the job stays RUNNING and resumes at the next start. */
    @Deactivate
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        requestStop();
        targets.offArrival(wake);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("The import job worker did not stop within 60 s");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
        LOG.info("Import job worker stopped");
    }

    /** Asks the loop to stop after its current chunk, without waiting for it. */
    void requestStop() {
        running = false;
        wake();
    }

    /** A job was queued or a type arrived: look now. */
    void wake() {
        synchronized (monitor) {
            woken = true;
            monitor.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            boolean worked = false;
            try {
                worked = runNext();
            } catch (RuntimeException e) {
                LOG.warn("Import jobs: a pass failed; retrying", e);
            }
            if (!worked) {
                idle();
            }
        }
    }

    private void idle() {
        synchronized (monitor) {
            if (woken) {
                woken = false;
                return;
            }
            try {
                monitor.wait(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            woken = false;
        }
    }

    /** Runs the oldest job whose type is installed: whether one ran. */
    boolean runNext() {
        for (StoredJob job : store.unfinished()) {
            if (!running) {
                return false;
            }
            ImportTarget<?> target = targets.find(job.entityType).orElse(null);
            if (target == null) {
                store.waiting(job.id, "waiting: no importer of type '" + job.entityType
                        + "' is installed (is its module uninstalled?); the job starts when it is");
                continue;
            }
            run(job, target);
            return true;
        }
        return false;
    }

    private <T> void run(StoredJob job, ImportTarget<T> target) {
        Caller caller = callerOf(job);
        String refusal = refusal(job, caller, target);
        if (refusal != null) {
            end(job, ImportJobState.FAILED, refusal);
            return;
        }
        if (!store.start(job.id, Times.now())) {
            return; // cancelled meanwhile
        }
        LOG.info("Import job {} ({} {}) {} after line {}", job.id, job.entityType, job.format,
                job.lastLine == 0 ? "starts" : "resumes", job.lastLine);
        callers.bind(caller);
        try (InputStream file = spool.open(job.id)) {
            Rows<T> rows = open(job, target, file);
            long lastLine = job.lastLine;
            while (running) {
                List<ImportRow<T>> chunk = take(rows.iterator(), chunkRows);
                if (chunk.isEmpty()) {
                    end(job, ImportJobState.DONE, null);
                    return;
                }
                long started = System.nanoTime();
                ImportReport report = target.importRows(chunk.iterator());
                lastLine = Math.max(lastLine, chunk.get(chunk.size() - 1).line);
                ChunkResult result = new ChunkResult(report, chunk.size(), lastLine,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), ReportRows.of(report, rows.columnOf()));
                if (store.recordChunk(job.id, result) == ImportJobState.CANCELLED) {
                    LOG.info("Import job {} cancelled after line {}", job.id, lastLine);
                    spool.delete(job.id);
                    return;
                }
            }
        } catch (TesseraException e) {
            end(job, ImportJobState.FAILED, e.getMessage());
        } catch (java.nio.file.NoSuchFileException e) {
            end(job, ImportJobState.FAILED, "the job's file is no longer in the spool directory (" + e.getMessage() + ")");
        } catch (IOException | UncheckedIOException e) {
            end(job, ImportJobState.FAILED, "the file cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Import job {} failed", job.id, e);
            end(job, ImportJobState.FAILED, "failed: " + e);
        } finally {
            callers.unbind();
        }
    }

    private void end(StoredJob job, ImportJobState state, String message) {
        if (store.finish(job.id, state, message, Times.now())) {
            LOG.info("Import job {} {}{}", job.id, state, message == null ? "" : ": " + message);
        }
        spool.delete(job.id);
    }

    private Caller callerOf(StoredJob job) {
        return job.runAsSystem ? Caller.system()
                : new Caller(job.submittedBy, job.callerRoles, roles.permissionsOf(job.callerRoles), job.callerUnit);
    }

    /** Why the job may not run as its submitter now, or {@code null}. */
    private String refusal(StoredJob job, Caller caller, ImportTarget<?> target) {
        if (caller.isSystem()) {
            return null;
        }
        if (roles.isDisabled(job.submittedBy)) {
            return "the login " + job.submittedBy + " that submitted the job is disabled";
        }
        for (String permission : List.of(CorePermissions.IMPORT_JOBS, target.permission())) {
            if (!caller.hasPermission(permission)) {
                return job.submittedBy + " no longer holds the permission " + permission;
            }
        }
        return null;
    }

    /** A job's rows and how its fields map back to columns. */
    private record Rows<T>(Iterator<ImportRow<T>> iterator, UnaryOperator<String> columnOf) {
    }

    private <T> Rows<T> open(StoredJob job, ImportTarget<T> target, InputStream file) {
        if (job.format == ImportFormat.CSV) {
            CsvRows<T> csv = new CsvRows<>(new InputStreamReader(file, StandardCharsets.UTF_8), job.mapping, mapper,
                    target.rowType(), RowTypes.properties(mapper, target.rowType()), job.lastLine);
            return new Rows<>(csv, csv.mapping()::columnOf);
        }
        Iterator<ImportRow<T>> all = new NdjsonRows<>(file, mapper, target.rowType());
        return new Rows<>(new After<>(all, job.lastLine), field -> null);
    }

    private static <T> List<ImportRow<T>> take(Iterator<ImportRow<T>> rows, int count) {
        List<ImportRow<T>> chunk = new ArrayList<>(count);
        while (chunk.size() < count && rows.hasNext()) {
            chunk.add(rows.next());
        }
        return chunk;
    }

    /** The rows after a line: what a resumed job has still to read. */
    private static final class After<T> implements Iterator<ImportRow<T>> {
        private final Iterator<ImportRow<T>> rows;
        private final long afterLine;
        private ImportRow<T> next;

        After(Iterator<ImportRow<T>> rows, long afterLine) {
            this.rows = rows;
            this.afterLine = afterLine;
        }

        @Override
        public boolean hasNext() {
            while (next == null && rows.hasNext()) {
                ImportRow<T> row = rows.next();
                if (row.line > afterLine) {
                    next = row;
                }
            }
            return next != null;
        }

        @Override
        public ImportRow<T> next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            ImportRow<T> row = next;
            next = null;
            return row;
        }
    }
}
