package org.tessera.crm.core.impl.contribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.spi.ContributionStatus;
import org.tessera.crm.core.impl.security.ThreadLocalCallerContext;

class BudgetedCallsTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final ThreadLocalCallerContext callers = new ThreadLocalCallerContext();
    private final BudgetedCalls calls = new BudgetedCalls(pool, callers);

    @AfterEach
    void stop() {
        callers.unbind();
        pool.shutdownNow();
    }

    @Test
    void aCallBeyondTheBudgetTimesOutAndIsInterruptedWhileTheOthersComplete() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch fastAnswered = new CountDownLatch(1);
        Callable<String> sleeper = () -> {
            try {
                new CountDownLatch(1).await(); // never released: only the budget's interruption ends it
                return "late";
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        };
        long start = System.nanoTime();
        List<Outcome<String>> outcomes = calls.run(List.of(() -> {
            fastAnswered.countDown();
            return "fast";
        }, sleeper, () -> {
            // waits for another call, well within the budget
            return fastAnswered.await(250, TimeUnit.MILLISECONDS) ? "in time" : "starved";
        }), Duration.ofMillis(300));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(ContributionStatus.OK, outcomes.get(0).status());
        assertEquals("fast", outcomes.get(0).value());
        assertEquals(ContributionStatus.TIMEOUT, outcomes.get(1).status());
        assertNull(outcomes.get(1).value());
        assertEquals(ContributionStatus.OK, outcomes.get(2).status());
        assertEquals("in time", outcomes.get(2).value());
        assertTrue(elapsedMillis >= 250 && elapsedMillis < 2_000, "answered at the budget, not after the sleeper: " + elapsedMillis);
        assertTrue(interrupted.await(2, TimeUnit.SECONDS), "the late call is interrupted, its thread freed");
    }

    @Test
    void aFailingCallIsAnErrorAndTheOthersStillAnswer() {
        IllegalStateException fault = new IllegalStateException("broken contributor");
        List<Outcome<String>> outcomes = calls.run(List.of(() -> {
            throw fault;
        }, () -> "fine"), Duration.ofSeconds(2));
        assertEquals(ContributionStatus.ERROR, outcomes.get(0).status());
        assertEquals(fault, outcomes.get(0).failure());
        assertEquals("fine", outcomes.get(1).value());
    }

    @Test
    void eachCallRunsAsTheCallerAndLeavesNoCallerOnItsThread() throws Exception {
        Caller agent = new Caller("agent-a", Set.of("agent"), Set.of("core.party.read"), "7");
        callers.bind(agent);
        List<Outcome<String>> outcomes = calls.run(List.of(this::currentLogin, this::currentLogin), Duration.ofSeconds(2));
        assertEquals("agent-a", outcomes.get(0).value());
        assertEquals("agent-a", outcomes.get(1).value());
        assertEquals(Optional.of(agent), callers.current(), "the asking thread keeps its caller");

        // the same pooled threads, asked by work without a caller, carry no caller over
        callers.unbind();
        List<Outcome<String>> system = calls.run(List.of(this::currentLogin, this::currentLogin, this::currentLogin,
                this::currentLogin, this::currentLogin, this::currentLogin), Duration.ofSeconds(2));
        system.forEach(outcome -> assertEquals("none", outcome.value(), "a worker thread kept a caller"));
    }

    @Test
    void aShutDownExecutorYieldsErrorsNotExceptions() {
        pool.shutdownNow();
        List<Outcome<String>> outcomes = calls.run(List.of(() -> "never"), Duration.ofMillis(100));
        assertEquals(ContributionStatus.ERROR, outcomes.get(0).status());
    }

    private String currentLogin() {
        return callers.current().map(Caller::login).orElse("none");
    }
}
