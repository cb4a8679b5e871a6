package org.tessera.crm.core.impl.imports.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.imports.ImportJobDTO;
import org.tessera.crm.core.api.imports.ImportJobState;

/** The rate and the estimate of a job, from its counts. */
class JobProgressTest {

    @Test
    void theRateIsTheRowsReadOverTheTimeSpentRunning() {
        assertEquals(2_000.0, JobProgress.rate(10_000, 5_000), 1e-9);
        assertEquals(0.0, JobProgress.rate(0, 5_000));
        assertEquals(0.0, JobProgress.rate(10, 0), "no time measured yet: no rate, not infinity");
    }

    @Test
    void theTimeLeftIsTheRowsLeftAtThatRateRoundedUp() {
        assertEquals(3L, JobProgress.secondsLeft(10_000, 5_000, 2_000.0));
        assertEquals(1L, JobProgress.secondsLeft(10_001, 10_000, 2_000.0), "a part of a second left is a second");
        assertEquals(0L, JobProgress.secondsLeft(100, 150, 50.0), "more rows than counted (a bound, not a count): nothing left, never negative");
        assertNull(JobProgress.secondsLeft(10_000, 0, 0.0), "no rate: unknown");
    }

    @Test
    void aCsvHeaderIsNoRow() {
        assertEquals(99, JobProgress.rowsOf(100, true));
        assertEquals(100, JobProgress.rowsOf(100, false));
        assertEquals(0, JobProgress.rowsOf(0, true));
    }

    @Test
    void aFinishedJobHasNoEstimate() {
        StoredJob job = new StoredJob();
        job.state = ImportJobState.RUNNING;
        job.totalRows = 1_000;
        job.rowsRead = 250;
        job.runMillis = 500;
        ImportJobDTO running = job.toDto();
        assertEquals(500.0, running.rate, 1e-9);
        assertEquals(2L, running.estimatedSecondsLeft);
        job.state = ImportJobState.DONE;
        assertNull(job.toDto().estimatedSecondsLeft);
    }
}
