package org.tessera.crm.forecasting.api;

/**
 * A node of the forecast hierarchy: an agent (the core's) in an org unit. Its manager position is
 * {@code parentId} in the explicit position tree; when the hierarchy follows org units it is the
 * manager position of the same unit, or of the parent unit for a unit's manager.
 */
public class PositionDTO {
    public String id;
    /** Short name, for example "Field Sales Rep, West". */
    public String name;
    /** The core agent who holds the position: their opportunities (sales owner id) are its own. */
    public String agentId;
    public String orgUnitId;
    /** The manager position in the explicit tree, {@code null} for a root. */
    public String parentId;
    /** Whether this position manages its org unit (used when the hierarchy follows org units). */
    public boolean unitManager;
    /** Server-owned: the manager position under the configured hierarchy. */
    public String managerPositionId;
    /** Server-owned: distance from the top of the hierarchy (0 for a root). */
    public int level;
    public long version;
}
