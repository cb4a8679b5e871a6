package org.tessera.crm.core.impl.imports.jobs;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * Works the import jobs, one at a time, on one thread, on any number of nodes sharing the database:
 * claims the oldest job no live node holds (a lease renewed after each chunk and by a heartbeat, see
 * {@link ImportJobStore}), reads its file from the database from the line after its last committed
 * chunk, hands the rows to the type's {@link ImportTarget} a chunk at a time, as the submitter, and
 * records each chunk's counts and report in its own transaction, if the node still holds the job. A
 * stop (deactivation) ends after the current chunk and releases the job, RUNNING: any node resumes
 * it. A node that dies leaves its claim to run out; another node then takes the job over. A job
 * whose type has no target waits, QUEUED, saying so.
 */
@Component(service = ImportJobWorker.class, immediate = true, configurationPid = ImportJobsConfig.PID)
@Designate(ocd = ImportJobsConfig.class)
public class ImportJobWorker {
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobWorker.class);
    /** How long the parts of an upload may wait for their job: longer than any upload takes. */
    private static final Duration ORPHAN_AGE = Duration.ofDays(1);
    private static final long SWEEP_NANOS = TimeUnit.HOURS.toNanos(1);

    private final Tx tx;
    private final ImportJobStore store;
    private final ImportFiles files;
    private final ImportTargets targets;
    private final CallerContext callers;
    private final RoleService roles;
    private final ObjectMapper mapper = ObjectMappers.create();
    private final String nodeId;
    private final int chunkRows;
    private final long pollMillis;
    private final long leaseMillis;
    private final Object monitor = new Object();
    private final Runnable wake = this::wake;
    private ExecutorService executor;
    private ScheduledExecutorService heartbeat;
    private volatile boolean running;
    /** Set by {@link #halt}: the node is gone, it writes nothing more. */
    private volatile boolean halted;
    /** Set by {@link #stall}: the heartbeat renews nothing. */
    private volatile boolean stalled;
    /** The job this node works now, whose lease the heartbeat renews. */
    private volatile String current;
    /** Set by the heartbeat when the current job's claim was lost: the run stops before its next chunk. */
    private volatile boolean claimLost;
    private boolean woken;
    private long lastSweep;

    @Activate
    public ImportJobWorker(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, @Reference(name = "targets") ImportTargets targets,
            @Reference(name = "callers") CallerContext callers, @Reference(name = "roles") RoleService roles, ImportJobsConfig config) {
        this(tx, targets, callers, roles, nodeId(config.nodeId()), config.chunkRows(), config.pollMillis(), config.leaseMillis());
        start();
    }

    /** For tests: not started. */
    public ImportJobWorker(Tx tx, ImportTargets targets, CallerContext callers, RoleService roles, String nodeId,
            int chunkRows, long pollMillis, long leaseMillis) {
        if (chunkRows < 1 || pollMillis < 1) {
            throw new IllegalArgumentException("chunkRows and pollMillis must be positive");
        }
        if (leaseMillis < 3) {
            throw new IllegalArgumentException("leaseMillis must be at least 3 (the heartbeat renews every third of it)");
        }
        if (nodeId == null || nodeId.isBlank() || nodeId.length() > 200) {
            throw new IllegalArgumentException("nodeId must be 1 to 200 characters");
        }
        this.tx = tx;
        this.store = new ImportJobStore(tx, mapper);
        this.files = new ImportFiles(tx);
        this.targets = targets;
        this.callers = callers;
        this.roles = roles;
        this.nodeId = nodeId.strip();
        this.chunkRows = chunkRows;
        this.pollMillis = pollMillis;
        this.leaseMillis = leaseMillis;
    }

    /** The configured name, or the host's with a suffix new at each start: a restarted node is a new claimant. */
    static String nodeId(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "node";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    ImportFiles files() {
        return files;
    }

    ImportJobStore store() {
        return store;
    }

    String nodeId() {
        return nodeId;
    }

    /** Starts the worker's thread and its heartbeat; the jobs left RUNNING are resumed first (they are the oldest). */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        running = true;
        executor = Executors.newSingleThreadExecutor(task -> daemon(task, "tessera-import-jobs"));
        heartbeat = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "tessera-import-jobs-lease"));
        long period = Math.max(1, leaseMillis / 3);
        heartbeat.scheduleAtFixedRate(this::renewLease, period, period, TimeUnit.MILLISECONDS);
        targets.onArrival(wake);
        executor.execute(this::loop);
        LOG.info("Import job worker started on node {} (chunks of {} rows, leases of {} ms)", nodeId, chunkRows, leaseMillis);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Stops after the chunk being written; the job stays RUNNING, released for any node to resume. */
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
        heartbeat.shutdownNow(); // after the chunk: its lease is kept until then
        executor = null;
        heartbeat = null;
        LOG.info("Import job worker of node {} stopped", nodeId);
    }

    /** Asks the loop to stop after its current chunk, without waiting for it. */
    void requestStop() {
        running = false;
        wake();
    }

    /**
     * For tests, as a {@code kill -9} of the node: from now on the worker writes nothing (no chunk
     * recorded, no release, no lease renewed), so that its claim runs out as a dead node's does.
     */
    void halt() {
        halted = true;
        running = false;
        ScheduledExecutorService beat = heartbeat;
        if (beat != null) {
            beat.shutdownNow();
        }
        wake();
    }

    /** For tests, as a node stalled (a long pause, a network partition): its heartbeat stops renewing the lease. */
    void stall() {
        stalled = true;
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
                sweepIfDue();
                worked = runNext();
            } catch (RuntimeException e) {
                LOG.warn("Import jobs: a pass failed on node {}; retrying", nodeId, e);
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

    /** Renews the lease of the job being worked: a chunk may take longer than the lease. */
    private void renewLease() {
        String job = current;
        if (job == null || halted || stalled) {
            return;
        }
        try {
            if (!store.renew(job, nodeId, Times.now().plusMillis(leaseMillis))) {
                claimLost = true;
                LOG.warn("Import job {}: node {} no longer holds its claim (its lease ran out and another node took the job over);"
                        + " it stops after the chunk it is writing, which will not be recorded", job, nodeId);
            }
        } catch (RuntimeException e) {
            LOG.warn("Import job {}: node {} could not renew its lease", job, nodeId, e);
        }
    }

    private void sweepIfDue() {
        long now = System.nanoTime();
        if (lastSweep != 0 && now - lastSweep < SWEEP_NANOS) {
            return;
        }
        lastSweep = now;
        int swept = files.sweep(Times.now().minus(ORPHAN_AGE));
        if (swept > 0) {
            LOG.info("Import jobs: {} file parts of ended jobs or abandoned uploads deleted", swept);
        }
    }

    /** Claims and runs the oldest job whose type is installed and that no live node holds: whether one ran. */
    boolean runNext() {
        for (StoredJob job : store.claimable(nodeId, Times.now())) {
            if (!running) {
                return false;
            }
            ImportTarget<?> target = targets.find(job.entityType).orElse(null);
            if (target == null) {
                store.waiting(job.id, "waiting: no importer of type '" + job.entityType
                        + "' is installed (is its module uninstalled?); the job starts when it is");
                continue;
            }
            Instant now = Times.now();
            if (!store.claim(job.id, nodeId, now, now.plusMillis(leaseMillis))) {
                continue; // another node claimed it first, or it was cancelled
            }
            logClaim(job);
            claimLost = false;
            current = job.id;
            try {
                run(job, target);
            } finally {
                current = null;
            }
            return true;
        }
        return false;
    }

    private void logClaim(StoredJob job) {
        if (job.claimedBy != null && !job.claimedBy.equals(nodeId)) {
            LOG.info("Import job {} ({} {}) taken over by node {} from node {}, whose lease ran out at {}: resumes after line {}",
                    job.id, job.entityType, job.format, nodeId, job.claimedBy, job.claimedUntil, job.lastLine);
        } else if (job.state == ImportJobState.RUNNING) {
            LOG.info("Import job {} ({} {}) claimed by node {}: resumes after line {}", job.id, job.entityType, job.format, nodeId,
                    job.lastLine);
        } else {
            LOG.info("Import job {} ({} {}) claimed by node {}: starts", job.id, job.entityType, job.format, nodeId);
        }
    }

    private <T> void run(StoredJob job, ImportTarget<T> target) {
        Caller caller = callerOf(job);
        String refusal = refusal(job, caller, target);
        if (refusal != null) {
            end(job, ImportJobState.FAILED, refusal);
            return;
        }
        if (job.fileParts == null) {
            end(job, ImportJobState.FAILED, "the job's file waited in a node's spool directory, where files are no longer read"
                    + " (they are kept in the database now): submit the file again");
            return;
        }
        callers.bind(caller);
        long lastLine = job.lastLine;
        try (InputStream file = new BufferedInputStream(files.open(job.id, job.fileParts), 1 << 16)) {
            Rows<T> rows = open(job, target, file);
            while (running && !claimLost) {
                List<ImportRow<T>> chunk = take(rows.iterator(), chunkRows);
                if (chunk.isEmpty()) {
                    end(job, ImportJobState.DONE, null);
                    return;
                }
                long reached = Math.max(lastLine, chunk.get(chunk.size() - 1).line);
                ImportJobState state = importChunk(job, target, chunk, reached, rows.columnOf());
                if (halted) {
                    return;
                }
                if (state == null) {
                    LOG.warn("Import job {}: node {} lost its claim while writing lines {}-{}, which it did not record; it stops,"
                            + " leaving the job to the node that took it over after line {}", job.id, nodeId, lastLine + 1, reached, lastLine);
                    return;
                }
                lastLine = reached;
                if (state == ImportJobState.CANCELLED) {
                    LOG.info("Import job {} cancelled; node {} stopped after line {}", job.id, nodeId, lastLine);
                    files.delete(job.id);
                    return;
                }
            }
            if (!halted && !claimLost) {
                store.release(job.id, nodeId);
                LOG.info("Import job {} released by node {} at its stop after line {}; any node resumes it", job.id, nodeId, lastLine);
            }
        } catch (TesseraException e) {
            end(job, ImportJobState.FAILED, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            end(job, ImportJobState.FAILED, "the file cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Import job {} failed on node {}", job.id, nodeId, e);
            end(job, ImportJobState.FAILED, "failed: " + e);
        } finally {
            callers.unbind();
        }
    }

    /**
     * Imports a chunk and records it, in one transaction when the target can join it (so that the
     * rows and the progress commit together), else in the target's transactions and then the job's.
     *
     * @return the job's state afterwards, or {@code null} when nothing was recorded (the claim was
     *     lost, or the node halted): joined, the chunk's rows were rolled back with it
     */
    private <T> ImportJobState importChunk(StoredJob job, ImportTarget<T> target, List<ImportRow<T>> chunk, long reached,
            UnaryOperator<String> columnOf) {
        if (target instanceof InTransactionTarget<?> joinable) {
            @SuppressWarnings("unchecked")
            InTransactionTarget<T> joined = (InTransactionTarget<T>) joinable;
            long started = System.nanoTime();
            try {
                return tx.required(em -> {
                    ImportReport report = joined.importRowsInCallerTransaction(chunk.iterator());
                    ImportJobState state = record(job, chunk, reached, started, report, columnOf);
                    if (state == null) {
                        throw new Unrecorded(); // rolls the chunk's rows back with it
                    }
                    return state;
                });
            } catch (RuntimeException e) {
                if (causedBy(e, Unrecorded.class)) {
                    return null;
                }
                LOG.info("Import job {}: the chunk of lines {}-{} was refused as a whole ({}); node {} runs it again in the"
                        + " importer's own transactions, which isolate the rows at fault", job.id, chunk.get(0).line, reached, e, nodeId);
            }
        }
        long started = System.nanoTime();
        ImportReport report = target.importRows(chunk.iterator());
        return record(job, chunk, reached, started, report, columnOf);
    }

    private <T> ImportJobState record(StoredJob job, List<ImportRow<T>> chunk, long reached, long started, ImportReport report,
            UnaryOperator<String> columnOf) {
        if (halted) {
            return null;
        }
        ChunkResult result = new ChunkResult(report, chunk.size(), reached,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), ReportRows.of(report, columnOf));
        return store.recordChunk(job.id, nodeId, Times.now().plusMillis(leaseMillis), result);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }

    /** Thrown in a joined chunk's transaction that must not commit: the claim was lost, or the node halted. */
    private static final class Unrecorded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unrecorded() {
            super("the chunk was not recorded", null, false, false);
        }
    }

    private void end(StoredJob job, ImportJobState state, String message) {
        if (halted) {
            return;
        }
        if (store.finish(job.id, state, message, Times.now(), nodeId)) {
            LOG.info("Import job {} {} on node {}{}", job.id, state, nodeId, message == null ? "" : ": " + message);
            files.delete(job.id);
        } else if (store.find(job.id, null).map(stored -> stored.state.isFinal()).orElse(true)) {
            files.delete(job.id); // cancelled meanwhile; if another node holds it instead, the file is still its
        }
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
