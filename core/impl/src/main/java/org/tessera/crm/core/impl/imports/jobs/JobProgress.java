package org.tessera.crm.core.impl.imports.jobs;

/**
 * The rate and the time left of a job, from what it recorded: the rows read over the time spent
 * running (summed over restarts, so that a wait in the queue or a stopped server does not lower
 * the rate), and the rows not yet read at that rate. The total is the count of lines taken when
 * the file was received, an upper bound (blank lines, a quoted value over several lines), so the
 * estimate errs long, never below zero.
 */
final class JobProgress {
    private JobProgress() {
    }

    /** Rows per second; 0 before the first chunk. */
    static double rate(long rowsRead, long runMillis) {
        if (rowsRead <= 0 || runMillis <= 0) {
            return 0;
        }
        return rowsRead * 1000.0 / runMillis;
    }

    /** Whole seconds left, rounded up; {@code null} while no rate is known. */
    static Long secondsLeft(long totalRows, long rowsRead, double rate) {
        if (rate <= 0) {
            return null;
        }
        long left = Math.max(0, totalRows - rowsRead);
        return (long) Math.ceil(left / rate);
    }

    /** The rows of a file of {@code lines} lines: a CSV's header is no row. */
    static long rowsOf(long lines, boolean hasHeader) {
        return Math.max(0, hasHeader ? lines - 1 : lines);
    }
}
