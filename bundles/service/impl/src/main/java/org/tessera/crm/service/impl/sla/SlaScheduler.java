package org.tessera.crm.service.impl.sla;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.service.impl.document.DocumentServiceImpl;

/**
 * The module's scheduler. Every {@code sweepSeconds} it sweeps the SLA clocks, then retries the email
 * documents whose delivery is due. The work is in the database (due rows by an indexed column, claimed
 * once each), so a restart loses nothing and the first sweep after downtime catches up with every
 * deadline passed meanwhile. Nothing is kept in memory between sweeps.
 */
@Component(service = SlaScheduler.class, configurationPid = ServiceConfig.PID)
public class SlaScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(SlaScheduler.class);

    private final SlaEngineImpl engine;
    private final DocumentServiceImpl documents;
    private final CallerContext callers;
    private final int batchSize;
    private final ScheduledExecutorService executor;

    @Activate
    public SlaScheduler(@Reference SlaEngineImpl engine, @Reference DocumentServiceImpl documents, @Reference CallerContext callers,
            ServiceConfig config) {
        this.engine = engine;
        this.documents = documents;
        this.callers = callers;
        this.batchSize = Math.max(1, config.batchSize());
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tessera-sla-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        int every = Math.max(1, config.sweepSeconds());
        executor.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        executor.shutdownNow();
    }

    /** One sweep now, as the system; returns how many deadlines fired. */
    public int sweepNow() {
        return callers.callAsSystem(() -> engine.sweep(batchSize));
    }

    /** The due email deliveries tried now, as the system; returns how many were sent. */
    public int retryDocumentsNow() {
        return callers.callAsSystem(() -> documents.retryDue(batchSize));
    }

    private void sweepQuietly() {
        try {
            int fired = sweepNow();
            if (fired > 0) {
                LOG.debug("SLA sweep fired {} deadlines", fired);
            }
        } catch (RuntimeException e) {
            // the rows stay due: the next sweep tries again
            LOG.warn("SLA sweep failed: {}", e.toString());
        }
        try {
            retryDocumentsNow();
        } catch (RuntimeException e) {
            LOG.warn("Email document retries failed: {}", e.toString());
        }
    }
}
