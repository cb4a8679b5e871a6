package org.tessera.crm.insurance.impl.service;

import java.util.Map;

/**
 * The laps of a run, each the milliseconds since the previous lap, kept in the order taken: a run
 * reports where its time went so that a slow one can be read without a profiler. One per run, not shared.
 */
final class Split {
    private final Map<String, Long> laps;
    private long last = System.nanoTime();

    Split(Map<String, Long> laps) {
        this.laps = laps;
    }

    /** Ends the lap {@code name}; a name taken again adds to it. */
    void lap(String name) {
        long now = System.nanoTime();
        laps.merge(name, (now - last) / 1_000_000, Long::sum);
        last = now;
    }
}
