package org.tessera.crm.core.api.duplicate;

import java.time.Instant;

/**
 * A batch scan of the stored parties for duplicates, and what it found. The counts fill in as it
 * runs; {@link #sets} is final once {@link #state} is {@code DONE}.
 */
public class DuplicateScanDTO {
    /** The states of a scan: queued, running, done, or failed with {@link #error}. */
    public enum State {
        QUEUED, RUNNING, DONE, FAILED
    }

    public String id;
    public State state;
    /** The party type scanned; {@code null}: every type that has rules. */
    public String partyType;
    public String requestedBy;
    public Instant requestedAt;
    public Instant startedAt;
    public Instant finishedAt;
    /** Matching keys read, and the parties they belong to. */
    public long keysRead;
    public long partiesScanned;
    /** Pairs that share a matching key, each scored by the rules. */
    public long candidatePairs;
    /** Keys held by so many parties that they tell nothing (a common name at a busy address): skipped, counted. */
    public long poorKeys;
    /** Candidate pairs left out because a reviewer dismissed them before. */
    public long dismissedPairs;
    /** Pairs that matched a rule, and the sets of parties they join. */
    public long matchedPairs;
    public long sets;
    /** Why a failed scan stopped. */
    public String error;
}
