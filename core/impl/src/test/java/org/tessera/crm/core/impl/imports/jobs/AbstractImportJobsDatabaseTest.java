package org.tessera.crm.core.impl.imports.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.ForbiddenException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.imports.ImportFormat;
import org.tessera.crm.core.api.imports.ImportJobDTO;
import org.tessera.crm.core.api.imports.ImportJobRequest;
import org.tessera.crm.core.api.imports.ImportJobState;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportReportRow;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.ImportTarget;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RoleService;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.imports.PartyImporter;
import org.tessera.crm.core.impl.security.FixedRoles;
import org.tessera.crm.core.impl.testing.CoreServices;
import org.tessera.crm.core.testkit.TestDatabase;

/**
 * Import jobs on a real database: a CSV job with a mapping and bad rows reports each by line and
 * column; a worker stopped mid-job leaves it RUNNING at its last committed chunk and a new worker
 * resumes it there; cancel; a job waits while its type is missing; a caller sees only their jobs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractImportJobsDatabaseTest {
    private static final String IMPORTER = "importer";
    private static final int CHUNK = 3;

    private TestDatabase database;
    private CoreServices core;
    private PartyImportTarget parties;
    private final Caller alice = new Caller("alice", Set.of(IMPORTER), permissions(true), null);
    private final Caller bob = new Caller("bob", Set.of(IMPORTER), permissions(false), null);
    private ImportTargets targets;
    private ImportJobWorker worker;
    private ImportJobServiceImpl jobs;

    protected abstract TestDatabase startDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        core = new CoreServices(database);
        parties = new PartyImportTarget(new PartyImporter(core.tx, core.validation, core.events, core.callers, core.scope,
                new AuditTrail(core.callers)));
    }

    @AfterAll
    void stop() throws Exception {
        core.close();
        database.close();
    }

    @BeforeEach
    void freshWorker() {
        // the jobs other tests left queued would be run by this test's workers
        core.tx.required(em -> {
            try (java.sql.PreparedStatement cancel = em.unwrap(java.sql.Connection.class).prepareStatement(
                    "UPDATE import_job SET state = 'CANCELLED' WHERE state IN ('QUEUED', 'RUNNING')")) {
                return cancel.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        targets = new ImportTargets();
        targets.add(parties);
        worker = newWorker();
        jobs = new ImportJobServiceImpl(worker, targets, core.callers);
    }

    @AfterEach
    void stopWorker() {
        worker.stop();
        core.callers.unbind();
    }

    private ImportJobWorker newWorker() {
        return newWorker(targets, "node-" + UUID.randomUUID(), 30_000);
    }

    private ImportJobWorker newWorker(ImportTargets on, String node, long leaseMillis) {
        return new ImportJobWorker(core.tx, on, core.callers, roles(), node, CHUNK, 20, leaseMillis);
    }

    @Test
    void aCsvJobWithAMappingReportsItsBadRowsByLineAndColumn() {
        String source = unique();
        String csv = "Kind,Company,Surname,Born,Ref\n"
                + "ORGANIZATION,Acme " + source + ",,," + source + "-1\n"
                + "PERSON,,Martin,1980-01-02," + source + "-2\n"
                + "PERSON,,Durand,2-1-1980," + source + "-3\n" // a date Jackson cannot read: line 4, column Born
                + "ORGANIZATION,,,," + source + "-4\n" // no legal name: rejected by validation, column Company
                + "PERSON,,Petit,,\n" // no external id: rejected
                + "PERSON,,Bernard,1975-05-06," + source + "-6\n";
        ImportJobDTO job = as(alice, () -> jobs.submit(csvRequest(source, "Kind=type,Company=legalName,Surname=lastName,Born=birthDate,"
                + "Ref=externalIds." + source), bytes(csv)));
        assertEquals(ImportJobState.QUEUED, job.state);
        assertEquals(6, job.totalRows);
        assertEquals("alice", job.submittedBy);

        worker.start();
        ImportJobDTO done = awaitFinal(alice, job.id);
        assertEquals(ImportJobState.DONE, done.state, () -> String.valueOf(done.message));
        assertEquals(6, done.rowsRead);
        assertEquals(3, done.created);
        assertEquals(3, done.rejected);
        assertEquals(7, done.lastCommittedLine);
        assertTrue(done.rate > 0);
        await(() -> worker.files().parts(job.id) == 0, "a finished job's file leaves the database");

        List<ImportReportRow> report = report(alice, job.id);
        assertEquals(List.of(4L, 5L, 6L), report.stream().map(row -> row.line).distinct().toList(), report::toString);
        ImportReportRow badDate = report.get(0);
        assertEquals("Born", badDate.column);
        assertEquals("birthDate", badDate.field);
        assertEquals("invalid", badDate.code);
        ImportReportRow noLegalName = report.stream().filter(row -> row.line == 5).findFirst().orElseThrow();
        assertEquals("legalName", noLegalName.field, report::toString);
        assertEquals("Company", noLegalName.column);
        assertTrue(report.stream().anyMatch(row -> row.line == 6 && row.field != null && row.field.startsWith("externalIds")),
                report::toString);

        // the same file again: nothing new, every good row unchanged
        ImportJobDTO again = as(alice, () -> jobs.submit(csvRequest(source, "Kind=type,Company=legalName,Surname=lastName,Born=birthDate,"
                + "Ref=externalIds." + source), bytes(csv)));
        ImportJobDTO second = awaitFinal(alice, again.id);
        assertEquals(0, second.created);
        assertEquals(3, second.unchanged);
    }

    @Test
    void aWorkerStoppedMidJobLeavesItRunningAndANewWorkerResumesAfterTheLastCommittedChunk() {
        String source = unique();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            ndjson.append("{\"type\":\"PERSON\",\"lastName\":\"Resume").append(i).append("\",\"externalIds\":{\"").append(source)
                    .append("\":\"").append(i).append("\"}}\n");
        }
        // the first worker is stopped while it writes its second chunk, as a shutdown would stop it
        Recording first = new Recording(2, () -> worker.requestStop());
        targets.remove(parties);
        targets.add(first);
        ImportJobRequest request = new ImportJobRequest();
        request.entityType = "party";
        request.format = ImportFormat.NDJSON;
        ImportJobDTO job = as(alice, () -> jobs.submit(request, bytes(ndjson.toString())));
        worker.start();
        await(() -> as(alice, () -> jobs.find(job.id)).orElseThrow().lastCommittedLine == 2 * CHUNK, "two chunks committed");
        worker.stop();
        ImportJobDTO stopped = as(alice, () -> jobs.find(job.id)).orElseThrow();
        assertEquals(ImportJobState.RUNNING, stopped.state);
        assertEquals(6, stopped.rowsRead);
        assertEquals(6, stopped.created);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), first.lines);

        // a new worker, as after a restart: the RUNNING job resumes at line 7, nothing is imported twice
        targets.remove(first);
        Recording second = new Recording(-1, () -> { });
        targets.add(second);
        worker = newWorker();
        jobs = new ImportJobServiceImpl(worker, targets, core.callers);
        worker.start();
        ImportJobDTO done = awaitFinal(alice, job.id);
        assertEquals(ImportJobState.DONE, done.state, () -> String.valueOf(done.message));
        assertEquals(List.of(7L, 8L, 9L, 10L), second.lines);
        assertEquals(10, done.rowsRead);
        assertEquals(10, done.created);
        assertEquals(0, done.unchanged);
    }

    @Test
    void aQueuedJobIsCancelledOnceAndItsFileLeaves() {
        ImportJobDTO job = as(alice, () -> jobs.submit(csvRequest(unique(), ""), bytes("type,lastName\nPERSON,Never\n")));
        assertEquals(1, worker.files().parts(job.id));
        ImportJobDTO cancelled = as(alice, () -> jobs.cancel(job.id));
        assertEquals(ImportJobState.CANCELLED, cancelled.state);
        assertTrue(cancelled.message.contains("alice"));
        assertEquals(0, worker.files().parts(job.id));
        assertThrows(ConflictException.class, () -> as(alice, () -> jobs.cancel(job.id)));
        worker.start();
        // a later job runs: the cancelled one was passed over
        ImportJobDTO later = as(alice, () -> jobs.submit(csvRequest(unique(), ""), bytes("type,lastName\nPERSON,Later\n")));
        assertEquals(ImportJobState.DONE, awaitFinal(alice, later.id).state);
        assertEquals(0, as(alice, () -> jobs.find(job.id)).orElseThrow().rowsRead);
    }

    @Test
    void aJobWaitsWhileItsTypeIsMissingAndRunsWhenItComesBack() {
        ImportJobDTO job = as(alice, () -> jobs.submit(csvRequest(unique(), ""), bytes("type,lastName\nPERSON,Waiting\n")));
        targets.remove(parties);
        worker.start();
        await(() -> {
            ImportJobDTO seen = as(alice, () -> jobs.find(job.id)).orElseThrow();
            return seen.message != null && seen.message.contains("no importer of type 'party'");
        }, "the job says why it waits");
        assertEquals(ImportJobState.QUEUED, as(alice, () -> jobs.find(job.id)).orElseThrow().state);
        ValidationException refused = assertThrows(ValidationException.class,
                () -> as(alice, () -> jobs.submit(csvRequest(unique(), ""), bytes("type,lastName\nPERSON,X\n"))));
        assertEquals("type", refused.errors().get(0).field);
        targets.add(parties);
        assertEquals(ImportJobState.DONE, awaitFinal(alice, job.id).state);
    }

    @Test
    void aCallerSeesTheirOwnJobsAndNeedsTheTypesPermission() {
        ImportJobDTO alices = as(alice, () -> jobs.submit(csvRequest(unique(), ""), bytes("type,lastName\nPERSON,Mine\n")));
        assertTrue(as(bob, () -> jobs.find(alices.id)).isEmpty());
        assertTrue(as(bob, () -> jobs.list(50)).stream().noneMatch(job -> job.id.equals(alices.id)));
        assertTrue(as(alice, () -> jobs.list(50)).stream().anyMatch(job -> job.id.equals(alices.id)));
        Caller reader = new Caller("carol", Set.of(), Set.of(CorePermissions.IMPORT_JOBS), null);
        ForbiddenException forbidden = assertThrows(ForbiddenException.class,
                () -> as(reader, () -> jobs.submit(csvRequest(unique(), ""), bytes("type,lastName\nPERSON,No\n"))));
        assertTrue(forbidden.getMessage().contains(CorePermissions.PARTY_WRITE));
        ValidationException badMapping = assertThrows(ValidationException.class,
                () -> as(alice, () -> jobs.submit(csvRequest(unique(), "Nope=lastName"), bytes("type,lastName\nPERSON,No\n"))));
        assertEquals("mapping", badMapping.errors().get(0).field);
    }

    @Test
    void twoNodesOnOneDatabaseNeverRunTheSameJob() {
        List<String> sources = new ArrayList<>();
        List<ImportJobDTO> submitted = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            String source = unique();
            sources.add(source);
            submitted.add(as(alice, () -> jobs.submit(ndjsonRequest(), bytes(ndjson(source, 10)))));
        }
        List<String> handed = new CopyOnWriteArrayList<>();
        ImportJobWorker a = newWorker(nodeTargets("a", handed, null), "node-a", 30_000);
        ImportJobWorker b = newWorker(nodeTargets("b", handed, null), "node-b", 30_000);
        try {
            a.start();
            b.start();
            for (ImportJobDTO job : submitted) {
                ImportJobDTO done = awaitFinal(alice, job.id);
                assertEquals(ImportJobState.DONE, done.state, () -> String.valueOf(done.message));
                assertEquals(10, done.created, () -> handed.toString());
                assertEquals(0, done.unchanged, () -> handed.toString());
            }
        } finally {
            a.stop();
            b.stop();
        }
        for (String source : sources) {
            List<String> ofJob = handed.stream().filter(entry -> entry.contains("|" + source + "|")).toList();
            assertEquals(10, ofJob.size(), () -> "each line handed once: " + ofJob);
            assertEquals(1, ofJob.stream().map(entry -> entry.substring(0, entry.indexOf('|'))).distinct().count(),
                    () -> "one node ran the job: " + ofJob);
        }
    }

    @Test
    void aJobWhoseNodeDiesIsTakenOverWhenItsLeaseRunsOutAndEveryRowIsImportedOnce() {
        String source = unique();
        ImportJobDTO job = as(alice, () -> jobs.submit(ndjsonRequest(), bytes(ndjson(source, 10))));
        long lease = 1_000;
        List<String> handed = new CopyOnWriteArrayList<>();
        ImportJobWorker[] a = new ImportJobWorker[1];
        long[] diedAt = new long[1];
        // node a dies as it starts its third chunk: that chunk's transaction never commits
        a[0] = newWorker(nodeTargets("a", handed, new Death(3, () -> {
            diedAt[0] = System.nanoTime();
            a[0].halt();
        })), "node-a", lease);
        ImportJobWorker b = newWorker(nodeTargets("b", handed, null), "node-b", lease);
        try {
            a[0].start();
            await(() -> diedAt[0] != 0, "node a dies");
            firstRows.clear();
            b.start();
            ImportJobDTO done = awaitFinal(alice, job.id);
            assertEquals(ImportJobState.DONE, done.state, () -> String.valueOf(done.message));
            assertEquals(List.of("a|1", "a|2", "a|3", "a|4", "a|5", "a|6", "a|7", "a|8", "a|9", "b|7", "b|8", "b|9", "b|10"),
                    handed.stream().map(entry -> entry.replace("|" + source + "|", "|")).toList());
            assertEquals(10, done.rowsRead);
            assertEquals(10, done.created, "no row imported twice");
            assertEquals(0, done.unchanged, "no row imported twice");
            long tookOver = firstOf(b);
            assertTrue(tookOver - diedAt[0] >= TimeUnit.MILLISECONDS.toNanos(lease * 7 / 10),
                    () -> "taken over before the lease ran out: " + TimeUnit.NANOSECONDS.toMillis(tookOver - diedAt[0]) + " ms");
        } finally {
            a[0].stop();
            b.stop();
        }
        // the same file again: every party is there once, unchanged
        ImportJobDTO again = as(alice, () -> jobs.submit(ndjsonRequest(), bytes(ndjson(source, 10))));
        worker.start();
        ImportJobDTO second = awaitFinal(alice, again.id);
        assertEquals(10, second.unchanged);
        assertEquals(0, second.created);
    }

    @Test
    void aNodeDyingAfterAChunksRowsBeforeItsProgressLeavesNeitherForTheCoresTypes() {
        String source = unique();
        ImportJobDTO job = as(alice, () -> jobs.submit(ndjsonRequest(), bytes(ndjson(source, 10))));
        ImportJobWorker[] a = new ImportJobWorker[1];
        ImportTargets onA = new ImportTargets();
        // node a dies once the importer has written its second chunk, before the job records it
        java.util.concurrent.atomic.AtomicBoolean died = new java.util.concurrent.atomic.AtomicBoolean();
        onA.add(new JoiningTarget(2, false, () -> {
            a[0].halt();
            died.set(true);
        }));
        a[0] = newWorker(onA, "node-a-" + unique(), 300);
        ImportJobWorker b = newWorker(targets, "node-b-" + unique(), 300);
        try {
            a[0].start();
            await(died::get, "node a dies");
            assertEquals(CHUNK, as(alice, () -> jobs.find(job.id)).orElseThrow().lastCommittedLine);
            b.start();
            ImportJobDTO done = awaitFinal(alice, job.id);
            assertEquals(ImportJobState.DONE, done.state, () -> String.valueOf(done.message));
            assertEquals(10, done.rowsRead);
            assertEquals(10, done.created, "node a's second chunk was rolled back with its progress, not left for b to find");
            assertEquals(0, done.unchanged);
        } finally {
            a[0].stop();
            b.stop();
        }
    }

    @Test
    void aStalledNodeWhoseJobWasTakenOverRecordsNothingAndStops() throws InterruptedException {
        String source = unique();
        ImportJobDTO job = as(alice, () -> jobs.submit(ndjsonRequest(), bytes(ndjson(source, 10))));
        ImportJobWorker[] a = new ImportJobWorker[1];
        java.util.concurrent.CountDownLatch stalled = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch wakes = new java.util.concurrent.CountDownLatch(1);
        ImportTargets onA = new ImportTargets();
        // node a stalls before its second chunk, long enough for its lease to run out, then writes the chunk
        JoiningTarget stalling = new JoiningTarget(2, true, () -> {
            a[0].stall();
            stalled.countDown();
            try {
                wakes.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        onA.add(stalling);
        a[0] = newWorker(onA, "node-a-" + unique(), 300);
        ImportJobWorker b = newWorker(targets, "node-b-" + unique(), 300);
        try {
            a[0].start();
            assertTrue(stalled.await(60, TimeUnit.SECONDS));
            b.start();
            ImportJobDTO done = awaitFinal(alice, job.id);
            assertEquals(ImportJobState.DONE, done.state, () -> String.valueOf(done.message));
            wakes.countDown();
            await(() -> stalling.chunks.get() == 2, "node a writes its second chunk");
            a[0].stop();
            ImportJobDTO after = as(alice, () -> jobs.find(job.id)).orElseThrow();
            assertEquals(ImportJobState.DONE, after.state);
            assertEquals(10, after.rowsRead, "node a recorded nothing once its claim was lost");
            assertEquals(10, after.created);
            assertEquals(0, after.unchanged);
            assertEquals(2, stalling.chunks.get(), "node a stopped working on the job");
        } finally {
            wakes.countDown();
            a[0].stop();
            b.stop();
        }
    }

    /** The core's party target, joining the worker's transaction, that runs {@code hook} before or after importing chunk {@code at}. */
    private final class JoiningTarget extends PartyTarget implements InTransactionTarget<PartyDTO> {
        final AtomicInteger chunks = new AtomicInteger();
        private final int at;
        private final boolean before;
        private final Runnable hook;

        JoiningTarget(int at, boolean before, Runnable hook) {
            this.at = at;
            this.before = before;
            this.hook = hook;
        }

        @Override
        public ImportReport importRows(Iterator<ImportRow<PartyDTO>> rows) {
            return hooked(() -> parties.importRows(rows));
        }

        @Override
        public ImportReport importRowsInCallerTransaction(Iterator<ImportRow<PartyDTO>> rows) {
            return hooked(() -> parties.importRowsInCallerTransaction(rows));
        }

        private ImportReport hooked(Supplier<ImportReport> importing) {
            boolean hooked = chunks.incrementAndGet() == at;
            if (hooked && before) {
                hook.run();
            }
            ImportReport report = importing.get();
            if (hooked && !before) {
                hook.run();
            }
            return report;
        }
    }

    @Test
    void aJobRunningOnAnotherNodeIsCancelledAfterItsChunk() throws InterruptedException {
        String source = unique();
        ImportJobDTO job = as(alice, () -> jobs.submit(ndjsonRequest(), bytes(ndjson(source, 10))));
        java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);
        List<String> handed = new CopyOnWriteArrayList<>();
        ImportJobWorker a = newWorker(nodeTargets("a", handed, new Pause(2, reached, cancelled)), "node-a", 30_000);
        try {
            a.start();
            assertTrue(reached.await(60, TimeUnit.SECONDS));
            // this node (the test's worker, not started) cancels what node a runs
            ImportJobDTO answer = as(alice, () -> jobs.cancel(job.id));
            assertEquals(ImportJobState.CANCELLED, answer.state);
            cancelled.countDown();
            await(() -> a.files().parts(job.id) == 0, "node a lets go of the cancelled job and deletes its file");
        } finally {
            a.stop();
        }
        ImportJobDTO seen = as(alice, () -> jobs.find(job.id)).orElseThrow();
        assertEquals(ImportJobState.CANCELLED, seen.state);
        assertEquals(6, seen.rowsRead, "the chunk being written completes");
        assertEquals(6, seen.lastCommittedLine);
        assertEquals(6, handed.size(), handed::toString);
    }

    @Test
    void anUploadOfSeveralPartsIsReadBackByteForByte() throws IOException {
        byte[] upload = new byte[2 * ImportFiles.PART_BYTES + 12_345];
        new java.util.Random(42).nextBytes(upload);
        long newlines = 0;
        for (byte b : upload) {
            newlines += b == '\n' ? 1 : 0;
        }
        upload[upload.length - 1] = 'x';
        String id = UUID.randomUUID().toString();
        ImportFiles files = worker.files();
        ImportFiles.Received received = files.write(id, new ByteArrayInputStream(upload));
        try {
            assertEquals(upload.length, received.bytes());
            assertEquals(3, received.parts());
            assertEquals(3, files.parts(id));
            assertEquals(newlines + 1, received.lines());
            byte[] read;
            try (java.io.InputStream in = files.open(id, received.parts())) {
                read = in.readAllBytes();
            }
            assertTrue(java.util.Arrays.equals(upload, read), "the bytes read back are the bytes written");
            // a part gone (the job cancelled meanwhile): an error, never a file cut short
            core.tx.required(em -> {
                try (java.sql.PreparedStatement delete = em.unwrap(java.sql.Connection.class)
                        .prepareStatement("DELETE FROM import_job_file WHERE job_id = ? AND part_no = 1")) {
                    delete.setString(1, id);
                    return delete.executeUpdate();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            IOException missing = assertThrows(IOException.class, () -> {
                try (java.io.InputStream in = files.open(id, received.parts())) {
                    in.readAllBytes();
                }
            });
            assertTrue(missing.getMessage().contains("part 1 of 3"), missing::getMessage);
        } finally {
            files.delete(id);
        }
        assertEquals(0, files.parts(id));
    }

    @Test
    void theFilePartsOfEndedJobsAndAbandonedUploadsAreSwept() {
        worker.files().sweep(java.time.Instant.now().minusSeconds(3600));
        ImportJobDTO queued = as(alice, () -> jobs.submit(ndjsonRequest(), bytes(ndjson(unique(), 2))));
        String abandoned = UUID.randomUUID().toString();
        worker.files().write(abandoned, bytes("{}\n"));
        // a fresh upload without its job yet is kept: it may still be coming in
        assertEquals(0, worker.files().sweep(java.time.Instant.now().minusSeconds(3600)));
        assertEquals(1, worker.files().parts(abandoned));
        assertEquals(1, worker.files().sweep(java.time.Instant.now().plusSeconds(1)));
        assertEquals(0, worker.files().parts(abandoned));
        assertEquals(1, worker.files().parts(queued.id), "a queued job's file stays");
    }

    /** The first column of the first row of a query. */
    protected String queryString(String sql) {
        return core.tx.required(em -> {
            try (java.sql.PreparedStatement select = em.unwrap(java.sql.Connection.class).prepareStatement(sql);
                    java.sql.ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** When {@code node} first handed rows to its target. */
    private long firstOf(ImportJobWorker node) {
        return firstRows.getOrDefault(node.nodeId(), Long.MAX_VALUE);
    }

    private final Map<String, Long> firstRows = new java.util.concurrent.ConcurrentHashMap<>();

    /** A node's targets: a party target that records "node|source|line" of each row it is handed. */
    private ImportTargets nodeTargets(String node, List<String> handed, ChunkHook hook) {
        ImportTargets on = new ImportTargets();
        on.add(new PartyTarget() {
            private final AtomicInteger chunks = new AtomicInteger();

            @Override
            public ImportReport importRows(Iterator<ImportRow<PartyDTO>> rows) {
                firstRows.putIfAbsent("node-" + node, System.nanoTime());
                List<ImportRow<PartyDTO>> chunk = new ArrayList<>();
                rows.forEachRemaining(chunk::add);
                chunk.forEach(row -> handed.add(node + "|" + row.value.externalIds.keySet().iterator().next() + "|" + row.line));
                if (hook != null && !hook.proceed(chunks.incrementAndGet())) {
                    return new ImportReport();
                }
                return parties.importRows(chunk.iterator());
            }
        });
        return on;
    }

    /** What a node's target does at a chunk: whether the chunk is then imported. */
    @FunctionalInterface
    private interface ChunkHook {
        boolean proceed(int chunk);
    }

    /** The node dies at chunk {@code at}: its rows are never written. */
    private record Death(int at, Runnable die) implements ChunkHook {
        @Override
        public boolean proceed(int chunk) {
            if (chunk == at) {
                die.run();
                return false;
            }
            return true;
        }
    }

    /** At chunk {@code at}, says so and waits until released, then imports the chunk. */
    private record Pause(int at, java.util.concurrent.CountDownLatch reached, java.util.concurrent.CountDownLatch release)
            implements ChunkHook {
        @Override
        public boolean proceed(int chunk) {
            if (chunk == at) {
                reached.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return true;
        }
    }

    private static ImportJobRequest ndjsonRequest() {
        ImportJobRequest request = new ImportJobRequest();
        request.entityType = "party";
        request.format = ImportFormat.NDJSON;
        return request;
    }

    private static String ndjson(String source, int rows) {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 1; i <= rows; i++) {
            ndjson.append("{\"type\":\"PERSON\",\"lastName\":\"Node").append(i).append("\",\"externalIds\":{\"").append(source)
                    .append("\":\"").append(i).append("\"}}\n");
        }
        return ndjson.toString();
    }

    /** A party target that records the lines it was given and runs {@code onChunk} when it receives chunk number {@code at}. */
    /** A target of the core's party type, as the job knows it: what the test's targets have in common. */
    private abstract static class PartyTarget implements ImportTarget<PartyDTO> {
        @Override
        public String entityType() {
            return "party";
        }

        @Override
        public Class<PartyDTO> rowType() {
            return PartyDTO.class;
        }

        @Override
        public String permission() {
            return CorePermissions.PARTY_WRITE;
        }
    }

    private final class Recording extends PartyTarget {
        final List<Long> lines = new CopyOnWriteArrayList<>();
        private final AtomicInteger chunks = new AtomicInteger();
        private final int at;
        private final Runnable onChunk;

        Recording(int at, Runnable onChunk) {
            this.at = at;
            this.onChunk = onChunk;
        }

        @Override
        public ImportReport importRows(Iterator<ImportRow<PartyDTO>> rows) {
            List<ImportRow<PartyDTO>> chunk = new ArrayList<>();
            rows.forEachRemaining(chunk::add);
            chunk.forEach(row -> lines.add(row.line));
            if (chunks.incrementAndGet() == at) {
                onChunk.run();
            }
            return parties.importRows(chunk.iterator());
        }
    }

    private static ImportJobRequest csvRequest(String source, String mapping) {
        ImportJobRequest request = new ImportJobRequest();
        request.entityType = "party";
        request.format = ImportFormat.CSV;
        request.mapping = ImportJobRequest.parseMapping(mapping);
        request.fileName = source + ".csv";
        return request;
    }

    private List<ImportReportRow> report(Caller caller, String id) {
        List<ImportReportRow> rows = new ArrayList<>();
        as(caller, () -> {
            try {
                return jobs.report(id).forEach(rows::add);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return rows;
    }

    private ImportJobDTO awaitFinal(Caller caller, String id) {
        await(() -> as(caller, () -> jobs.find(id)).orElseThrow().state.isFinal(), "job " + id + " ends");
        return as(caller, () -> jobs.find(id)).orElseThrow();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private <T> T as(Caller caller, Supplier<T> work) {
        core.callers.bind(caller);
        try {
            return work.get();
        } finally {
            core.callers.unbind();
        }
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String unique() {
        return "src" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Set<String> permissions(boolean allRecords) {
        return allRecords ? Set.of(CorePermissions.IMPORT_JOBS, CorePermissions.PARTY_WRITE, CorePermissions.PARTY_READ,
                CorePermissions.ALL_RECORDS) : Set.of(CorePermissions.IMPORT_JOBS, CorePermissions.PARTY_WRITE, CorePermissions.PARTY_READ);
    }

    /** The roles as the worker finds them when it runs a job: the importer role grants what alice holds. */
    private static RoleService roles() {
        return new FixedRoles(Map.of("core", CorePermissions.ALL), Map.of(IMPORTER, permissions(true)));
    }
}
