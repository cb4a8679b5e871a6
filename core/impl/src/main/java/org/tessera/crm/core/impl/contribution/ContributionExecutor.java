package org.tessera.crm.core.impl.contribution;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.tessera.crm.core.api.security.CallerContext;

/**
 * The worker threads on which the overview sections and search groups of every module are
 * computed. The pool belongs to this component: created on activation, stopped on deactivation
 * (interrupting whatever still runs), so nothing outlives the core bundle.
 */
@Component(service = ContributionExecutor.class, configurationPid = ContributionExecutor.PID)
@Designate(ocd = ContributionExecutor.Config.class)
public class ContributionExecutor {
    static final String PID = "org.tessera.crm.contributions";

    @ObjectClassDefinition(name = "Tessera contributions", description = "Worker threads of the overview sections and search groups")
    public @interface Config {
        @AttributeDefinition(description = "Worker threads; idle ones stop after a minute")
        int threads() default 8;
    }

    private final ThreadPoolExecutor pool;
    private final BudgetedCalls calls;

    @Activate
    public ContributionExecutor(@Reference(name = "callers") CallerContext callers, Config config) {
        int threads = Math.max(1, config.threads());
        pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), namedDaemons());
        pool.allowCoreThreadTimeOut(true);
        calls = new BudgetedCalls(pool, callers);
    }

    /** See {@link BudgetedCalls#run}. */
    public <T> List<Outcome<T>> run(List<Callable<T>> work, Duration budget) {
        return calls.run(work, budget);
    }

    @Deactivate
    public void deactivate() {
        pool.shutdownNow();
    }

    private static ThreadFactory namedDaemons() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "tessera-contribution-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
