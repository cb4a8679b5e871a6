package org.tessera.crm.core.impl.duplicate;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.duplicate.DuplicateRuleDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.impl.entity.PartyEntity;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.party.PartyReader;
import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Duplicate detection of parties: opens a {@link DuplicateSession} for a write's transaction, and
 * keeps the stored matching keys in step with the rule set. The keys are rebuilt, in batches of
 * {@link #REBUILD_BATCH} parties, each in its own transaction, when the rules or the default
 * calling code differ from those they were built for: at first start (the backfill of existing
 * parties, in the background) and after each rule change. With several nodes, one rebuilds at a
 * time, under a lease in {@code duplicate_key_state}.
 */
@Component(service = PartyDuplicates.class, configurationPid = PartyDuplicates.PID)
@Designate(ocd = PartyDuplicates.Config.class)
public class PartyDuplicates {
    static final String PID = "org.tessera.crm.duplicates";
    static final int REBUILD_BATCH = 1000;
    /** How long a node holds the rebuild without renewing it (it renews with each batch). */
    static final Duration REBUILD_LEASE = Duration.ofMinutes(2);
    private static final long LEASE_POLL_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(PartyDuplicates.class);

    @ObjectClassDefinition(name = "Tessera duplicate detection", description = "How parties are compared for duplicates")
    public @interface Config {
        @AttributeDefinition(description = "Country calling code of phone numbers written without an international prefix (33: France)")
        String defaultCallingCode() default "33";
    }

    private final Tx tx;
    private final PhoneNumbers phones;
    private final String callingCode;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "tessera-duplicate-keys");
        thread.setDaemon(true);
        return thread;
    });
    private final Object rebuilding = new Object();
    /** This node, in the rebuild lease; two instances in one JVM (tests) are two nodes. */
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final Duration lease;

    @Activate
    public PartyDuplicates(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, Config config) {
        this(tx, config, REBUILD_LEASE);
    }

    PartyDuplicates(Tx tx, Config config, Duration lease) {
        this.tx = tx;
        this.lease = lease;
        this.callingCode = config.defaultCallingCode();
        this.phones = new PhoneNumbers(callingCode);
        background.submit(this::rebuildIfStaleLogged);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** The rules as they stand in this transaction, for the writes it makes. */
    public DuplicateSession session(EntityManager em) {
        try {
            List<MatchRule> rules = new RuleTable(em.unwrap(Connection.class)).list().stream().map(RuleDefinitions::compile).toList();
            return new DuplicateSession(em, rules, phones, LocalDate.now());
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the duplicate rules: " + e.getMessage(), e);
        }
    }

    /** Rebuilds the keys in the background when they were built for other rules; the returned future ends with it. */
    public Future<?> rebuildLater() {
        return background.submit(this::rebuildIfStaleLogged);
    }

    /**
     * Rebuilds the keys of every party if they were built for another rule set; returns the parties
     * rebuilt (0 when none). One node rebuilds at a time, under a lease renewed with each batch:
     * while another node holds it, this one waits for that node's keys, or takes the rebuild over
     * once the lease has lapsed (that node stopped).
     */
    public long rebuildIfStale() {
        synchronized (rebuilding) {
            boolean told = false;
            while (true) {
                String wanted = tx.required(em -> signature(em));
                if (wanted.equals(builtSignature())) {
                    return 0;
                }
                Instant now = Times.now();
                if (tx.required(em -> sql(() -> rules(em).claimRebuild(node, now, now.plus(lease))))) {
                    try {
                        return rebuild(wanted);
                    } finally {
                        release();
                    }
                }
                if (!told) {
                    LOG.info("Duplicate matching keys: another node is rebuilding them; waiting for it to finish, or for its lease to lapse");
                    told = true;
                }
                try {
                    Thread.sleep(LEASE_POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("stopped while waiting for another node's rebuild of the matching keys", e);
                }
            }
        }
    }

    private long rebuild(String wanted) {
        if (wanted.equals(builtSignature())) {
            return 0; // the node that held the lease a moment ago has just finished
        }
        long started = System.nanoTime();
        long done = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            long from = after;
            long[] page = tx.required(em -> {
                renew(em);
                return rebuildPage(em, from);
            });
            if (page[0] == 0) {
                break;
            }
            done += page[0];
            after = page[1];
            if (done % (REBUILD_BATCH * 50L) == 0) {
                LOG.info("Duplicate matching keys: {} parties done", done);
            }
        }
        tx.required(em -> sql(() -> {
            renew(em);
            rules(em).keySignature(wanted);
            return null;
        }));
        LOG.info("Duplicate matching keys rebuilt for {} parties in {} ms", done, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return done;
    }

    private void renew(EntityManager em) {
        if (!sql(() -> rules(em).renewRebuild(node, Times.now().plus(lease)))) {
            throw new IllegalStateException("the rebuild of the matching keys was taken over by another node after this node's lease lapsed");
        }
    }

    private void release() {
        try {
            tx.required(em -> sql(() -> {
                rules(em).releaseRebuild(node);
                return null;
            }));
        } catch (RuntimeException e) {
            LOG.warn("Could not release the rebuild of the matching keys; another node takes it once the lease lapses: {}", e.getMessage());
        }
    }

    private String builtSignature() {
        return tx.required(em -> sql(() -> rules(em).keySignature()));
    }

    private static RuleTable rules(EntityManager em) {
        return new RuleTable(em.unwrap(Connection.class));
    }

    private void rebuildIfStaleLogged() {
        try {
            rebuildIfStale();
        } catch (RuntimeException e) {
            LOG.error("Could not rebuild the duplicate matching keys; they will be rebuilt at the next start or rule change", e);
        }
    }

    /** One batch: the next parties after {@code after}, keys replaced; answers {count, last id}. */
    private long[] rebuildPage(EntityManager em, long after) {
        List<Long> ids = sql(() -> new MatchKeyTable(em.unwrap(Connection.class)).partyIdsAfter(after, REBUILD_BATCH));
        if (ids.isEmpty()) {
            return new long[] {0, after};
        }
        List<PartyEntity> entities = em.createQuery("SELECT p FROM PartyEntity p WHERE p.id IN :ids", PartyEntity.class)
                .setParameter("ids", ids).getResultList();
        List<PartyDTO> parties = new PartyReader(em, true).toDtos(entities);
        session(em).keep(parties);
        return new long[] {ids.size(), ids.get(ids.size() - 1)};
    }

    /** What the keys depend on: the rules and the default calling code. */
    private String signature(EntityManager em) {
        List<DuplicateRuleDTO> rules = sql(() -> new RuleTable(em.unwrap(Connection.class)).list());
        StringBuilder text = new StringBuilder("calling-code=").append(callingCode);
        for (DuplicateRuleDTO rule : rules) {
            text.append(';').append(rule.key).append('=').append(rule.partyType).append('/').append(RuleDefinitions.encode(rule.fields));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** A JDBC step inside a JPA transaction. */
    @FunctionalInterface
    interface SqlWork<R> {
        R run() throws SQLException;
    }

    static <R> R sql(SqlWork<R> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
