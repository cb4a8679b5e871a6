package org.tessera.crm.core.api.merge;

import java.sql.Connection;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's part in a party merge (a whiteboard service): it re-points the module's records from
 * the victims to the survivor, and back on undo. The core calls every registered contributor on
 * the one JDBC connection of the merge's transaction, so that the core's changes, every module's
 * re-pointing, the merge log, the audit trail and the event commit or roll back together. The
 * modules' persistence units are separate (one {@code EntityManagerFactory} each, resource-local),
 * but they all sit on the one {@code tessera} data source, so plain JDBC on that connection reaches
 * every module's tables. The kit's {@code org.tessera.crm.core.kit.merge.PartyRepointing} does the
 * work; a contributor mostly declares its tables.
 *
 * <p>A dry run is a real merge whose transaction is rolled back: a contributor does not know it.
 */
@ConsumerType
public interface MergeContributor {

    /** The module's name, as in the module registry and the merge log (e.g. {@code sales}). */
    String moduleId();

    /**
     * Re-points the module's records of {@code merge}'s victims to its survivor.
     *
     * @param transaction the connection of the merge's open transaction: neither committed nor closed here
     * @return what moved and what stayed on a victim by the module's clash rule
     * @throws MergeRefusedException when a clash forbids the merge (the whole merge rolls back)
     */
    ModuleMergeDTO merge(Connection transaction, PartyMerge merge);

    /**
     * Moves back exactly the records this contributor moved in {@code merge}.
     *
     * @param moved the records the contributor reported as moved, as logged
     * @throws MergeRefusedException when a record changed since in a way that forbids the undo
     */
    void undo(Connection transaction, PartyMerge merge, List<MovedRecordDTO> moved);

    /**
     * Called once the merge or undo has committed: a module whose persistence unit keeps a shared
     * cache evicts the entities it re-pointed behind JPA's back. Nothing by default.
     */
    default void committed() {
    }
}
