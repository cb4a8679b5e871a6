package org.tessera.crm.core.api.module;

import java.time.Instant;

/**
 * What one node of the cluster (the Karaf servers sharing the database) observed of a module, as
 * {@code GET /v1/modules} shows it next to the module's desired state.
 */
public class ModuleNodeDTO {
    /** The node's id ({@code nodeId} in {@code etc/org.tessera.crm.modules.cfg}, host and Karaf name by default). */
    public String nodeId;
    /**
     * {@code INSTALLED} or {@code UNINSTALLED} as desired; {@code FAILED} when converging failed (see
     * {@link #detail}, retried with a growing delay); {@code DRIFTED} when changed on that node by
     * hand since it converged (left alone until the next change); {@code LOCAL_ONLY} when installed
     * on that node with no desired state (a boot feature of the distribution, or the Karaf console).
     */
    public String state;
    /** The version of the desired state the node converged to; null for {@code LOCAL_ONLY}. */
    public Integer version;
    /** Why it failed or differs; null when all is well. */
    public String detail;
    /** When the node recorded this state. */
    public Instant observedAt;
    /** The node's last heartbeat: a node not seen for several poll intervals is down or cut off. */
    public Instant lastSeen;
}
