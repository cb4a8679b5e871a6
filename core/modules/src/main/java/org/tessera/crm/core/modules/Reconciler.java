package org.tessera.crm.core.modules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's convergence to the modules' desired state, a pass at a time ({@link ModuleReconciler}
 * schedules the passes): it beats the node's heartbeat, decides for each module known to the
 * database or installed here ({@link Reconciliation#decide}), runs what it decided and records the
 * node's state. A failure is recorded with its message and tried again after a delay that doubles
 * up to a bound, or at once when the desired state changes. Not thread-safe: one thread runs the
 * passes.
 */
final class Reconciler {
    /** This node's modules: what is installed, and the operations that change it. */
    interface LocalModules {
        Set<String> installed();

        boolean installedHere(String module);

        void converge(Reconciliation.Action action, DesiredState desired);
    }

    /** Runs an operation while no other module operation of this node runs. */
    interface Exclusive {
        void run(Runnable operation);
    }

    private record Retry(int version, int failures, Instant next) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final String nodeId;
    private final ModuleStates states;
    private final LocalModules local;
    private final Exclusive exclusive;
    private final Clock clock;
    private final Duration firstRetry;
    private final Duration longestRetry;
    private final Duration forgetNodesAfter;
    private final Instant started;
    private boolean beaten;
    /**
     * The modules looked at since this node started: after that, only changes of their desired
     * state are acted on. A module this node recorded since it started (an administrator's
     * operation here) counts as seen too.
     */
    private final Set<String> seenSinceStart = new HashSet<>();
    private final Map<String, Retry> retries = new HashMap<>();

    Reconciler(String nodeId, ModuleStates states, LocalModules local, Exclusive exclusive, Clock clock, Duration firstRetry,
            Duration longestRetry, Duration forgetNodesAfter) {
        this.nodeId = nodeId;
        this.states = states;
        this.local = local;
        this.exclusive = exclusive;
        this.clock = clock;
        this.firstRetry = firstRetry;
        this.longestRetry = longestRetry;
        this.forgetNodesAfter = forgetNodesAfter;
        this.started = clock.instant();
    }

    /** One pass over every module; a module's failure does not keep the others from converging. */
    void pass() {
        Instant now = clock.instant();
        states.heartbeat(nodeId, now, !beaten);
        beaten = true;
        Set<String> modules = new TreeSet<>(states.desired().keySet());
        modules.addAll(local.installed());
        modules.addAll(states.observed(nodeId).keySet());
        for (String module : modules) {
            try {
                exclusive.run(() -> reconcile(module));
            } catch (RuntimeException e) {
                LOG.warn("Module {}: its state on node {} could not be compared or recorded: {}", module, nodeId, e.getMessage(), e);
            }
        }
        int forgotten = states.forgetNodesNotSeenSince(now.minus(forgetNodesAfter));
        if (forgotten > 0) {
            LOG.info("Modules: forgot {} node(s) without a heartbeat for {}", forgotten, forgetNodesAfter);
        }
    }

    private void reconcile(String module) {
        Instant now = clock.instant();
        DesiredState desired = states.desired(module).orElse(null);
        NodeState mine = states.observed(nodeId).get(module);
        Retry retry = retries.get(module);
        if (retry != null && desired != null && retry.version() == desired.version() && now.isBefore(retry.next())) {
            return;
        }
        boolean installedHere = local.installedHere(module);
        Integer convergedTo = mine == null ? null : mine.version();
        boolean seen = seenSinceStart.contains(module) || mine != null && !mine.observedAt().isBefore(started);
        Reconciliation.Decision decision = Reconciliation.decide(desired, installedHere, convergedTo, seen);
        if (decision.actions().isEmpty()) {
            seenSinceStart.add(module);
            retries.remove(module);
            record(module, mine, decision.state(), recordedVersion(decision.state(), desired, convergedTo), decision.detail(), 0, now);
            return;
        }
        for (Reconciliation.Action action : decision.actions()) {
            try {
                LOG.info("Module {}: {} on node {}, converging to desired state {} version {}", module, action, nodeId,
                        desired.desired(), desired.version());
                local.converge(action, desired);
            } catch (RuntimeException e) {
                int failures = (retry != null && retry.version() == desired.version() ? retry.failures() : 0) + 1;
                Duration delay = delay(failures, firstRetry, longestRetry);
                retries.put(module, new Retry(desired.version(), failures, now.plus(delay)));
                LOG.warn("Module {}: {} on node {} failed (attempt {}), tried again in {} s: {}", module, action, nodeId, failures,
                        delay.toSeconds(), e.getMessage(), e);
                record(module, mine, NodeState.FAILED, convergedTo, action.name().toLowerCase(java.util.Locale.ROOT) + " failed: "
                        + e.getMessage(), failures, now);
                return;
            }
        }
        seenSinceStart.add(module);
        retries.remove(module);
        record(module, mine, desired.desired(), desired.version(), null, 0, now);
        LOG.info("Module {}: node {} converged to desired state {} version {}", module, nodeId, desired.desired(), desired.version());
    }

    /** The version a state without action stands for: the desired one's, except where this node went its own way. */
    private static Integer recordedVersion(String state, DesiredState desired, Integer convergedTo) {
        if (NodeState.LOCAL_ONLY.equals(state) || desired == null) {
            return null;
        }
        return NodeState.DRIFTED.equals(state) ? convergedTo : Integer.valueOf(desired.version());
    }

    /** Writes the node's row when it changes (a state that stays is not written at every pass); forgets it for a null state. */
    private void record(String module, NodeState mine, String state, Integer version, String detail, int failures, Instant now) {
        if (state == null) {
            if (mine != null) {
                states.forget(nodeId, module);
            }
            return;
        }
        if (mine != null && mine.state().equals(state) && Objects.equals(mine.version(), version) && Objects.equals(mine.detail(), detail)
                && mine.failures() == failures) {
            return;
        }
        states.observe(new NodeState(nodeId, module, state, version, detail, failures, now, null));
    }

    /** The delay before attempt {@code failures + 1}: {@code first}, doubled at each failure, at most {@code longest}. */
    static Duration delay(int failures, Duration first, Duration longest) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(longest) > 0 ? longest : delay;
    }
}
