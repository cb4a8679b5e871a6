package org.tessera.crm.core.impl.duplicate;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.duplicate.DuplicateScanDTO;
import org.tessera.crm.core.api.duplicate.DuplicateScanService;
import org.tessera.crm.core.api.duplicate.DuplicateSetDTO;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.db.IdBlocks;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.security.ScopedUnits;
import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.KeysetCursor;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Batch duplicate scans, run one at a time by a background thread of their own. A scan left
 * queued or running by a stopped server is marked failed at the next start (a scan writes its
 * sets only at its end and is cheap to run again, so it is not resumed); see {@link DuplicateScanner}.
 *
 * <p>With several nodes, a scan runs on the node that queued it, which holds it for {@link #LEASE},
 * renewed at each step of the scan. Another node's start, or a new scan asked on any node, marks
 * failed only a scan whose lease lapsed (its node died), never one that a live node runs; on the
 * embedded Derby (one node) a start marks failed every unfinished scan, as none can be running.
 * Two nodes asked for a scan at the same instant may both start one: harmless, each writes its own sets.
 */
@Component
public class DuplicateScanServiceImpl implements DuplicateScanService {
    private static final Logger LOG = LoggerFactory.getLogger(DuplicateScanServiceImpl.class);
    static final String INTERRUPTED = "interrupted by a stop of the server; start a new scan";
    /** Far longer than a step of a scan (a read of every matching key at most), which renews it. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private final Tx tx;
    private final DuplicateScanner scanner;
    private final CallerContext callers;
    private final RecordScope scope;
    private final AuditTrail audit;
    /** This node, in the scans it holds; two services in one JVM (tests) are two nodes. */
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final Duration lease;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "tessera-duplicate-scan");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public DuplicateScanServiceImpl(@Reference(name = "tx", target = CoreUnit.TX) Tx tx,
            @Reference(name = "duplicates") PartyDuplicates duplicates, @Reference(name = "callers") CallerContext callers,
            @Reference(name = "scope") RecordScope scope, @Reference(name = "audit") AuditTrail audit) {
        this(tx, duplicates, callers, scope, audit, LEASE);
    }

    DuplicateScanServiceImpl(Tx tx, PartyDuplicates duplicates, CallerContext callers, RecordScope scope, AuditTrail audit, Duration lease) {
        this.tx = tx;
        this.lease = lease;
        this.scanner = new DuplicateScanner(tx, duplicates, node, lease);
        this.callers = callers;
        this.scope = scope;
        this.audit = audit;
        failInterrupted();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.shutdownNow();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("A duplicate scan did not stop within 10 s; it is marked failed at the next start");
        }
    }

    @Override
    public synchronized DuplicateScanDTO start(String partyType) {
        PartyType type = partyType(partyType);
        DuplicateScanDTO queued = tx.required(em -> PartyDuplicates.sql(() -> {
            ScanTables tables = tables(em);
            Instant now = Times.now();
            for (long abandoned : tables.abandoned(now)) {
                if (tables.failedAbandoned(abandoned, INTERRUPTED, now, false)) {
                    LOG.warn("Duplicate scan {} was left unfinished by a node that stopped: marked failed", abandoned);
                }
            }
            if (!tables.unfinished(now).isEmpty()) {
                throw new ConflictException(null, "a duplicate scan is already queued or running: wait for its end");
            }
            long id = tables.insertScan(type == null ? null : type.name(), callers.currentLogin(), now, node, now.plus(lease));
            DuplicateScanDTO scan = tables.scan(id).orElseThrow();
            audit.record(em, ENTITY_TYPE, scan.id, AuditAction.CREATE, null, scan, Set.of());
            return scan;
        }));
        long id = Long.parseLong(queued.id);
        worker.submit(() -> run(id, type));
        return queued;
    }

    private void run(long id, PartyType type) {
        try {
            scanner.run(id, type);
        } catch (RuntimeException e) {
            LOG.error("Duplicate scan {} failed", id, e);
            markFailed(id, "failed: " + e.getMessage());
        }
    }

    @Override
    public Optional<DuplicateScanDTO> find(String scanId) {
        Optional<Long> id = Ids.parse(scanId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return tx.required(em -> PartyDuplicates.sql(() -> tables(em).scan(id.get())));
    }

    @Override
    public Page<DuplicateScanDTO> list(int limit, String cursor) {
        KeysetCursor.checkLimit(limit);
        Long before = KeysetCursor.afterId(cursor);
        List<DuplicateScanDTO> scans = tx.required(em -> PartyDuplicates.sql(() -> tables(em).scans(before, limit + 1)));
        return page(scans, limit, scan -> Long.parseLong(scan.id));
    }

    @Override
    public Page<DuplicateSetDTO> sets(String scanId, DuplicateSetDTO.Status status, int limit, String cursor) {
        KeysetCursor.checkLimit(limit);
        Long after = KeysetCursor.afterId(cursor);
        long id = existing(scanId);
        Optional<Set<Long>> visible = ScopedUnits.of(scope);
        List<DuplicateSetDTO> sets = tx.required(em -> PartyDuplicates.sql(() -> tables(em).sets(id, status,
                after == null ? 0 : after.intValue(), visible, limit + 1)));
        return page(sets, limit, set -> Long.parseLong(set.id));
    }

    @Override
    public DuplicateSetDTO dismiss(String scanId, String setId) {
        long id = existing(scanId);
        int number = Ids.parse(setId).filter(n -> n > 0 && n <= Integer.MAX_VALUE).map(Long::intValue)
                .orElseThrow(() -> new NotFoundException(ENTITY_TYPE + "-set", setId));
        Optional<Set<Long>> visible = ScopedUnits.of(scope);
        return tx.required(em -> PartyDuplicates.sql(() -> {
            ScanTables tables = tables(em);
            List<DuplicateSetDTO> found = tables.sets(id, null, number - 1, visible, 1);
            if (found.isEmpty() || !found.get(0).id.equals(String.valueOf(number))) {
                throw new NotFoundException(ENTITY_TYPE + "-set", scanId + "/" + setId);
            }
            DuplicateSetDTO set = found.get(0);
            if (set.status == DuplicateSetDTO.Status.DISMISSED) {
                return set; // dismissing twice changes nothing
            }
            List<CandidatePairs.Pair> pairs = new ArrayList<>();
            set.pairs.forEach(pair -> pairs.add(CandidatePairs.Pair.of(Long.parseLong(pair.partyId), Long.parseLong(pair.otherPartyId))));
            tables.dismiss(pairs, callers.currentLogin(), Times.now());
            tables.setStatus(id, number, DuplicateSetDTO.Status.DISMISSED);
            audit.record(em, ENTITY_TYPE, scanId + "/" + setId, AuditAction.UPDATE, review(set, DuplicateSetDTO.Status.OPEN),
                    review(set, DuplicateSetDTO.Status.DISMISSED), Set.of());
            set.status = DuplicateSetDTO.Status.DISMISSED;
            return set;
        }));
    }

    /** What the audit keeps of a set's review: its status and pairs, not the members' names. */
    private static DuplicateSetDTO review(DuplicateSetDTO set, DuplicateSetDTO.Status status) {
        DuplicateSetDTO review = new DuplicateSetDTO();
        review.id = set.id;
        review.scanId = set.scanId;
        review.status = status;
        review.bestScore = set.bestScore;
        review.members = null;
        review.pairs = set.pairs;
        return review;
    }

    private long existing(String scanId) {
        return find(scanId).map(scan -> Long.parseLong(scan.id)).orElseThrow(() -> new NotFoundException(ENTITY_TYPE, scanId));
    }

    private static PartyType partyType(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return PartyType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(FieldError.invalid("partyType", "one of PERSON, ORGANIZATION, or none for every type"));
        }
    }

    private void failInterrupted() {
        try {
            tx.required(em -> PartyDuplicates.sql(() -> {
                ScanTables tables = tables(em);
                Instant now = Times.now();
                boolean singleNode = IdBlocks.isDerby(em.unwrap(Connection.class));
                for (long id : singleNode ? tables.unfinished() : tables.abandoned(now)) {
                    tables.failedAbandoned(id, INTERRUPTED, now, singleNode);
                }
                return null;
            }));
        } catch (RuntimeException e) {
            LOG.error("Could not mark the interrupted duplicate scans as failed", e);
        }
    }

    private void markFailed(long id, String error) {
        tx.required(em -> PartyDuplicates.sql(() -> {
            tables(em).failed(id, error, Times.now());
            return null;
        }));
    }

    private static <T> Page<T> page(List<T> rows, int limit, java.util.function.ToLongFunction<T> key) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, KeysetCursor.ofId(key.applyAsLong(items.get(limit - 1))));
    }

    private static ScanTables tables(EntityManager em) {
        return new ScanTables(em.unwrap(Connection.class));
    }
}
