package org.tessera.crm.core.modules;

import java.time.Instant;

/**
 * A row of {@code module_node_state}: what one node observed of one module.
 *
 * @param version  the desired state's version the node converged to; null for {@link #LOCAL_ONLY}
 * @param failures consecutive failed attempts to converge (0 once it succeeded)
 * @param nodeSeen the node's last heartbeat, when read with it; null otherwise
 */
record NodeState(String nodeId, String module, String state, Integer version, String detail, int failures, Instant observedAt,
        Instant nodeSeen) {
    static final String FAILED = "FAILED";
    /** Changed on the node by hand since it converged: left alone until the next change. */
    static final String DRIFTED = "DRIFTED";
    /** Installed on the node with no desired state (a boot feature, the Karaf console): left alone. */
    static final String LOCAL_ONLY = "LOCAL_ONLY";
}
