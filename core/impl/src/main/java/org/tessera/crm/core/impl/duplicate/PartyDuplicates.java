package org.tessera.crm.core.impl.duplicate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
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
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Duplicate detection of parties: opens a {@link DuplicateSession} for a write's transaction, and
 * keeps the stored matching keys in step with the rule set. The keys are rebuilt, in batches of
 * {@link #REBUILD_BATCH} parties, each in its own transaction, when the rules or the default
 * calling code differ from those they were built for: at first start (the backfill of existing
 * parties, in the background) and after each rule change.
 */
@Component(service = PartyDuplicates.class, configurationPid = PartyDuplicates.PID)
@Designate(ocd = PartyDuplicates.Config.class)
public class PartyDuplicates {
    static final String PID = "org.tessera.crm.duplicates";
    static final int REBUILD_BATCH = 1000;
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

    @Activate
    public PartyDuplicates(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, Config config) {
        this.tx = tx;
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

    /** Rebuilds the keys of every party if they were built for another rule set; returns the parties rebuilt (0 when none). */
    public long rebuildIfStale() {
        synchronized (rebuilding) {
            String wanted = tx.required(em -> signature(em));
            String built = tx.required(em -> sql(() -> new RuleTable(em.unwrap(Connection.class)).keySignature()));
            if (wanted.equals(built)) {
                return 0;
            }
            long started = System.nanoTime();
            long done = 0;
            long after = Long.MIN_VALUE;
            while (true) {
                long from = after;
                long[] page = tx.required(em -> rebuildPage(em, from));
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
                new RuleTable(em.unwrap(Connection.class)).keySignature(wanted);
                return null;
            }));
            LOG.info("Duplicate matching keys rebuilt for {} parties in {} ms", done, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return done;
        }
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
