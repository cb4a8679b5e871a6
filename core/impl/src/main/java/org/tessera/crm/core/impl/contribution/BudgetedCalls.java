package org.tessera.crm.core.impl.contribution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CallerContext;

/**
 * Runs calls in parallel on an executor, all within one time budget, each as the caller of the
 * thread that asked: the caller is bound to the worker thread for the call and unbound after it,
 * so that a pooled thread never carries a caller into the next call. A call still running when the
 * budget is spent is interrupted and comes out as a timeout; one that throws comes out as an error.
 */
public final class BudgetedCalls {
    private final ExecutorService executor;
    private final CallerContext callers;

    public BudgetedCalls(ExecutorService executor, CallerContext callers) {
        this.executor = executor;
        this.callers = callers;
    }

    /** The outcome of each call, in the order of {@code calls}, once all have answered or the budget is spent. */
    public <T> List<Outcome<T>> run(List<Callable<T>> calls, Duration budget) {
        Optional<Caller> caller = callers.current();
        long deadline = System.nanoTime() + budget.toNanos();
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(submit(() -> asCaller(caller, call)));
        }
        List<Outcome<T>> outcomes = new ArrayList<>();
        for (Future<T> future : futures) {
            outcomes.add(await(future, deadline));
        }
        return outcomes;
    }

    private <T> Future<T> submit(Callable<T> call) {
        try {
            return executor.submit(call);
        } catch (RejectedExecutionException shutDown) {
            return CompletableFuture.failedFuture(shutDown);
        }
    }

    private <T> T asCaller(Optional<Caller> caller, Callable<T> call) throws Exception {
        caller.ifPresentOrElse(callers::bind, callers::unbind);
        try {
            return call.call();
        } finally {
            callers.unbind();
        }
    }

    private static <T> Outcome<T> await(Future<T> future, long deadline) {
        try {
            return Outcome.ok(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException | CancellationException late) {
            future.cancel(true);
            return Outcome.timeout();
        } catch (ExecutionException failed) {
            return Outcome.error(failed.getCause());
        } catch (InterruptedException interrupted) {
            // the asking thread is being stopped: give up on this call, keep the interrupt for the caller
            Thread.currentThread().interrupt();
            future.cancel(true);
            return Outcome.timeout();
        }
    }
}
