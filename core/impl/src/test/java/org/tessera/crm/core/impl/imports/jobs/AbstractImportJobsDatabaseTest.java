package org.tessera.crm.core.impl.imports.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;
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
    @TempDir
    Path spool;

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
        return new ImportJobWorker(core.tx, targets, core.callers, roles(), spool, CHUNK, 20);
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
    void aQueuedJobIsCancelledOnceAndItsFileLeaves() throws IOException {
        ImportJobDTO job = as(alice, () -> jobs.submit(csvRequest(unique(), ""), bytes("type,lastName\nPERSON,Never\n")));
        assertTrue(Files.list(spool).anyMatch(file -> file.getFileName().toString().startsWith(job.id)));
        ImportJobDTO cancelled = as(alice, () -> jobs.cancel(job.id));
        assertEquals(ImportJobState.CANCELLED, cancelled.state);
        assertTrue(cancelled.message.contains("alice"));
        assertFalse(Files.list(spool).anyMatch(file -> file.getFileName().toString().startsWith(job.id)));
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

    /** A party target that records the lines it was given and runs {@code onChunk} when it receives chunk number {@code at}. */
    private final class Recording implements ImportTarget<PartyDTO> {
        final List<Long> lines = new CopyOnWriteArrayList<>();
        private final AtomicInteger chunks = new AtomicInteger();
        private final int at;
        private final Runnable onChunk;

        Recording(int at, Runnable onChunk) {
            this.at = at;
            this.onChunk = onChunk;
        }

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
