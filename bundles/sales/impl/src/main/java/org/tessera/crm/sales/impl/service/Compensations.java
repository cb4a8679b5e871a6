package org.tessera.crm.sales.impl.service;

import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The undo steps of a write that spans the core's transactions and the module's: each step that
 * created or changed something registers how to take it back, and a failure of a later step
 * undoes them newest first, so that no orphan party, activity or opportunity is left behind.
 */
final class Compensations {
    private static final Logger LOG = LoggerFactory.getLogger(Compensations.class);

    private final Deque<Runnable> undos = new ArrayDeque<>();

    /** Registers how to take back the step that just succeeded. */
    void onFailure(Runnable undo) {
        undos.push(undo);
    }

    /**
     * Undoes every registered step, newest first, and returns {@code failure} to be rethrown. An
     * undo that fails too does not stop the others: it is logged and attached to {@code failure}.
     */
    RuntimeException undo(RuntimeException failure) {
        while (!undos.isEmpty()) {
            try {
                undos.pop().run();
            } catch (RuntimeException undoFailed) {
                LOG.error("Could not undo a step after a failed write; it needs a manual clean-up", undoFailed);
                failure.addSuppressed(undoFailed);
            }
        }
        return failure;
    }
}
