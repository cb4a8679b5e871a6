package org.tessera.crm.insurance.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a renewal or lapse run did. */
public class RunResultDTO {
    public String kind;
    /** Terms created (renewal) or lapsed (lapse). */
    public long terms;
    /** Reminder activities planned for the agents. */
    public long activities;
    /** Activities the core refused (an agent that left, say), each reported in the log. */
    public long activitiesRejected;
    /** The whole run, milliseconds. */
    public long millis;
    /** Of which the set-based transaction that wrote the terms (renewal) or lapsed them. */
    public long termsMillis;
    /**
     * Where the run's time went, milliseconds per step in the order run (for a renewal: {@code read},
     * {@code compute}, {@code write.*} per statement, {@code audit}, {@code commit}, {@code events},
     * {@code reminders}); what an operator compares when a run is slow.
     */
    public Map<String, Long> splitMillis = new LinkedHashMap<>();
    public Instant at;
}
