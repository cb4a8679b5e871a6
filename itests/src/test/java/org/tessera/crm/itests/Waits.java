package org.tessera.crm.itests;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting on a condition with a deadline, polling every 50 ms; never a blind sleep. */
final class Waits {
    private Waits() {
    }

    static void awaitTrue(BooleanSupplier condition, String what, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + seconds + " s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /**
     * Until every path is served by its resource. A module's resources join its JAX-RS application
     * one by one after it starts, and the whiteboard rebuilds the application each time: meanwhile
     * CXF answers an HTML 404 of its own ("No service was found."), which no resource ever sends.
     */
    static void awaitServed(Api api, int seconds, String... paths) {
        // one pass in which every path answers: a later join would have failed an earlier path again
        awaitTrue(() -> java.util.Arrays.stream(paths).noneMatch(path -> api.get(path).raw().body().contains("No service was found")),
                String.join(", ", paths) + " served", seconds);
    }
}
