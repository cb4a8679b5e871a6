package org.tessera.crm.core.modules;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converges this node to the modules' desired state every {@link ModulesConfig#reconcileSeconds()}
 * on a thread of its own ({@link Reconciler} says how). On a single node the desired state is
 * what the node itself did, so a pass finds nothing to do.
 */
@Component(immediate = true, configurationPid = ModulesConfig.PID)
public class ModuleReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleReconciler.class);

    private final ScheduledExecutorService executor;

    @Activate
    public ModuleReconciler(@Reference ModuleLifecycle lifecycle, @Reference ModuleCluster cluster, ModulesConfig config) {
        if (config.reconcileSeconds() < 1) {
            throw new IllegalArgumentException("reconcileSeconds in etc/" + ModulesConfig.PID + ".cfg must be at least 1, not "
                    + config.reconcileSeconds());
        }
        if (config.retryMaxSeconds() < config.reconcileSeconds()) {
            throw new IllegalArgumentException("retryMaxSeconds in etc/" + ModulesConfig.PID + ".cfg must be at least reconcileSeconds ("
                    + config.reconcileSeconds() + "), not " + config.retryMaxSeconds());
        }
        if (config.forgetNodeAfterHours() < 1) {
            throw new IllegalArgumentException("forgetNodeAfterHours in etc/" + ModulesConfig.PID + ".cfg must be at least 1, not "
                    + config.forgetNodeAfterHours());
        }
        Reconciler reconciler = new Reconciler(cluster.nodeId(), cluster.states(), new Reconciler.LocalModules() {
            @Override
            public Set<String> installed() {
                return lifecycle.installedModules();
            }

            @Override
            public boolean installedHere(String module) {
                return lifecycle.installedHere(module);
            }

            @Override
            public void converge(Reconciliation.Action action, DesiredState desired) {
                lifecycle.converge(action, desired);
            }
        }, operation -> cluster.exclusively(() -> {
            operation.run();
            return null;
        }), cluster.clock(), Duration.ofSeconds(config.reconcileSeconds()), Duration.ofSeconds(config.retryMaxSeconds()),
                Duration.ofHours(config.forgetNodeAfterHours()));
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tessera-module-reconciler");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> pass(reconciler), config.reconcileSeconds(), config.reconcileSeconds(), TimeUnit.SECONDS);
    }

    /** A pass that fails (the database is away) is logged and the next one tries again: an exception would end the schedule. */
    private static void pass(Reconciler reconciler) {
        try {
            reconciler.pass();
        } catch (RuntimeException | LinkageError e) {
            // at every pass while the database is away: the message, and the trace for whoever asks for it
            LOG.warn("Modules: the pass over the desired states failed, tried again at the next one: {}", e.getMessage());
            LOG.debug("Modules: the pass failed", e);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("Modules: the reconciler is still running a module operation after 10 s");
        }
    }
}
