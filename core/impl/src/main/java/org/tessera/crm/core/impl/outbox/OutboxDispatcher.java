package org.tessera.crm.core.impl.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Publishes the outbox: one thread that runs {@link OutboxPass}es in small batches — at once after
 * a local commit woke it ({@link #nudge}), otherwise every {@code pollMillis} (which also picks up
 * what other nodes wrote) — and purges the changes older than the retention now and then. A crash
 * or a stop between a change's commit and its pass loses nothing: the row waits, undispatched,
 * for the next start. Readers of the feed wait here for new positions ({@link #awaitBeyond}).
 *
 * <p>With several nodes, the events another node dispatched are posted here too, once each, marked
 * {@link CoreEvents#REPLICA} ({@link #follow}): every node's subscribers hear every change, and
 * those doing durable work filter the copies out ({@link CoreEvents#ONCE_PER_CLUSTER}).
 */
@Component(service = OutboxDispatcher.class, immediate = true, configurationPid = OutboxConfig.PID)
@Designate(ocd = OutboxConfig.class)
public class OutboxDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    /** After a nudge, look this often until the woken commit is seen (or the window closes). */
    private static final long EAGER_MILLIS = 10;
    private static final long EAGER_WINDOW_MILLIS = 2_000;
    private static final int PURGE_BATCH = 1_000;

    private final Object monitor = new Object();
    @Reference(name = "tx", target = CoreUnit.TX)
    private Tx tx;
    private int batchSize;
    private long pollMillis;
    private Duration purgeEvery;
    private Retention retention;

    @Reference(name = "eventAdmin", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    private Thread worker;
    private volatile boolean running;
    private long eagerUntil;
    private boolean nudged;
    /** The highest position this node saw committed. */
    private long head = -1;
    /** The position up to which this node posted every event, its own and the others'; -1 until it first looked. */
    private long followed = -1;
    /** Positions beyond {@link #followed} that this node dispatched, and so posted, itself. */
    private final NavigableSet<Long> ownPositions = new TreeSet<>();
    private long nextFollowAt;
    private Instant nextPurge = Instant.MIN;

    /** For DS, which injects the references, then activates. */
    public OutboxDispatcher() {
    }

    /** For tests: not started. */
    public OutboxDispatcher(Tx tx, EventAdmin eventAdmin, int batchSize, long pollMillis, int retentionDays, Duration purgeEvery) {
        this.tx = tx;
        this.eventAdmin = eventAdmin;
        configure(batchSize, pollMillis, retentionDays, purgeEvery);
    }

    @Activate
    void activate(OutboxConfig config) {
        configure(config.batchSize(), config.pollMillis(), config.retentionDays(), Duration.ofMinutes(config.purgeEveryMinutes()));
        start();
    }

    private void configure(int batchSize, long pollMillis, int retentionDays, Duration purgeEvery) {
        if (batchSize < 1 || pollMillis < 1) {
            throw new IllegalArgumentException("the outbox batch size and poll interval must be positive");
        }
        this.batchSize = batchSize;
        this.pollMillis = pollMillis;
        this.retention = new Retention(retentionDays);
        this.purgeEvery = purgeEvery;
    }

    /** Starts the dispatching thread, if it is not running. */
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "tessera-outbox-dispatcher");
        worker.setDaemon(true);
        worker.start();
        LOG.info("Outbox dispatcher started (batches of {}, poll every {} ms, retention {} days)", batchSize, pollMillis,
                retention.days());
    }

    /** Stops the thread after its current pass; what is not dispatched stays in the outbox. */
    @Deactivate
    public synchronized void stop() {
        Thread stopping = worker;
        if (stopping == null) {
            return;
        }
        running = false;
        synchronized (monitor) {
            monitor.notifyAll();
        }
        try {
            stopping.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
        LOG.info("Outbox dispatcher stopped");
    }

    /** A local transaction wrote to the outbox: look now, and often for a while, since its commit is imminent. */
    public void nudge() {
        synchronized (monitor) {
            nudged = true;
            eagerUntil = System.currentTimeMillis() + EAGER_WINDOW_MILLIS;
            monitor.notifyAll();
        }
    }

    /**
     * Waits until this node dispatched a position beyond {@code position}, or {@code millis} passed.
     * Changes dispatched by another node do not wake the waiter: it should look again after a second.
     */
    public void awaitBeyond(long position, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (monitor) {
            long left;
            while (head <= position && (left = deadline - System.currentTimeMillis()) > 0) {
                monitor.wait(left);
            }
        }
    }

    /** Runs one pass now, on the caller's thread: the number of events dispatched. */
    public int dispatchOnce() {
        List<OutboxPass.Dispatched> dispatched = tx.required(em -> {
            try {
                return OutboxPass.dispatch(em.unwrap(Connection.class), batchSize, eventAdmin, Times.now());
            } catch (SQLException e) {
                throw new IllegalStateException("outbox pass failed", e);
            }
        });
        if (!dispatched.isEmpty()) {
            long last = dispatched.get(dispatched.size() - 1).position();
            synchronized (ownPositions) {
                dispatched.forEach(event -> ownPositions.add(event.position()));
            }
            synchronized (monitor) {
                head = Math.max(head, last);
                monitor.notifyAll();
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("Outbox: dispatched {} event(s), positions up to {}, the oldest {} ms after it was recorded",
                        dispatched.size(), last, Duration.between(dispatched.get(0).createdAt(), Times.now()).toMillis());
            }
        }
        return dispatched.size();
    }

    /**
     * Posts, marked {@link CoreEvents#REPLICA}, the events that other nodes dispatched since this
     * node last looked, in position order: the number read (own events among them are not posted
     * again; those right after the last one followed are not even read).
     * The first call only notes where the feed stands: as after a restart of one node, what was
     * dispatched before this node started is not posted here.
     */
    public int follow() {
        List<OutboxPass.Positioned> read = tx.required(em -> {
            try {
                Connection connection = em.unwrap(Connection.class);
                if (followed < 0) {
                    followed = OutboxPass.readState(connection)[0];
                    return List.of();
                }
                return OutboxPass.dispatchedAfter(connection, skipOwnRun(), batchSize);
            } catch (SQLException e) {
                throw new IllegalStateException("outbox follow failed", e);
            }
        });
        EventAdmin admin = eventAdmin;
        synchronized (ownPositions) {
            for (OutboxPass.Positioned event : read) {
                if (!ownPositions.contains(event.position()) && admin != null) {
                    Map<String, Object> properties = new HashMap<>(event.properties());
                    properties.put(CoreEvents.REPLICA, Boolean.TRUE);
                    admin.postEvent(new Event(event.topic(), properties));
                }
                followed = event.position();
            }
            ownPositions.headSet(followed, true).clear();
        }
        return read.size();
    }

    /**
     * Moves {@link #followed} past the positions right after it that this node dispatched itself,
     * and returns it: those need not be read again. On a node alone, or the one taking most writes,
     * that is every position, and the follow reads nothing (it read back each own event before:
     * 3.8 s of the database's time in an import of 100,000 parties).
     */
    private long skipOwnRun() {
        synchronized (ownPositions) {
            for (long position : ownPositions.tailSet(followed, false)) {
                if (position != followed + 1) {
                    break;
                }
                followed = position;
            }
            ownPositions.headSet(followed, true).clear();
            return followed;
        }
    }

    /** Purges the dispatched changes older than the retention: the number deleted. */
    public int purge(Instant now) {
        int total = 0;
        int deleted;
        do {
            deleted = tx.required(em -> {
                try {
                    return OutboxPass.purge(em.unwrap(Connection.class), retention.cutoff(now), PURGE_BATCH);
                } catch (SQLException e) {
                    throw new IllegalStateException("outbox purge failed", e);
                }
            });
            total += deleted;
        } while (deleted == PURGE_BATCH);
        if (total > 0) {
            LOG.info("Outbox: purged {} change(s) older than {} days", total, retention.days());
        }
        return total;
    }

    private void loop() {
        long failures = 0;
        while (running) {
            int dispatched = 0;
            int followedNow = 0;
            try {
                dispatched = dispatchOnce();
                if (System.currentTimeMillis() >= nextFollowAt) {
                    followedNow = follow();
                    // at the poll interval, not at every eager look after a local commit
                    nextFollowAt = followedNow == batchSize ? 0 : System.currentTimeMillis() + pollMillis;
                }
                if (!Instant.now().isBefore(nextPurge)) {
                    nextPurge = Instant.now().plus(purgeEvery);
                    purge(Times.now());
                }
                failures = 0;
            } catch (RuntimeException e) {
                failures++;
                LOG.warn("Outbox pass failed ({} in a row); retrying", failures, e);
            }
            if ((dispatched == batchSize || followedNow == batchSize) && failures == 0) {
                continue; // more are waiting
            }
            idle(failures);
        }
    }

    private void idle(long failures) {
        synchronized (monitor) {
            long now = System.currentTimeMillis();
            long wait = failures > 0 ? Math.min(pollMillis * failures, 30_000) : now < eagerUntil ? EAGER_MILLIS : pollMillis;
            if (nudged) {
                nudged = false; // a commit is due: look again at once, then keep looking eagerly
                return;
            }
            try {
                monitor.wait(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
