package org.tessera.crm.core.kit.merge;

import java.sql.Connection;
import java.util.List;

import org.tessera.crm.core.api.merge.MergeContributor;
import org.tessera.crm.core.api.merge.ModuleMergeDTO;
import org.tessera.crm.core.api.merge.MovedRecordDTO;
import org.tessera.crm.core.api.merge.PartyMerge;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * A module's {@link MergeContributor} made of its {@link PartyRepointing}. A module declares its
 * tables and registers the subclass:
 *
 * <pre>
 * &#64;Component(service = MergeContributor.class)
 * public class VehicleMergeContributor extends TableMergeContributor {
 *     &#64;Activate
 *     public VehicleMergeContributor(&#64;Reference(target = "(osgi.unit.name=tessera-dealer)") Tx tx) {
 *         super(new PartyRepointing("dealer", RepointedTable.of(...)), tx);
 *     }
 * }
 * </pre>
 *
 * Once a merge or undo has committed, the module unit's shared cache is emptied: its rows were
 * re-pointed in SQL behind it.
 */
public abstract class TableMergeContributor implements MergeContributor {
    private final PartyRepointing tables;
    private final Tx tx;

    /**
     * @param tx the module's unit, whose cache is evicted after a merge or undo; {@code null} when it keeps no cache
     */
    protected TableMergeContributor(PartyRepointing tables, Tx tx) {
        this.tables = tables;
        this.tx = tx;
    }

    @Override
    public String moduleId() {
        return tables.module();
    }

    @Override
    public ModuleMergeDTO merge(Connection transaction, PartyMerge merge) {
        return tables.merge(transaction, merge);
    }

    @Override
    public void undo(Connection transaction, PartyMerge merge, List<MovedRecordDTO> moved) {
        tables.undo(transaction, merge, moved);
    }

    @Override
    public void committed() {
        if (tx != null) {
            PartyRepointing.evictAll(tx);
        }
    }
}
