package org.tessera.crm.core.kit.privacy;

import org.tessera.crm.core.api.privacy.ErasureContext;
import org.tessera.crm.core.api.privacy.ErasureResultDTO;
import org.tessera.crm.core.api.privacy.PersonalDataContext;
import org.tessera.crm.core.api.privacy.PersonalDataProvider;
import org.tessera.crm.core.api.privacy.PersonalDataSectionDTO;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * A module's {@link PersonalDataProvider} made of its {@link PersonalDataTables}. A module declares
 * its tables and registers the subclass:
 *
 * <pre>
 * &#64;Component(service = PersonalDataProvider.class)
 * public class DealerPersonalData extends TablePersonalDataProvider {
 *     &#64;Activate
 *     public DealerPersonalData(&#64;Reference(target = "(osgi.unit.name=tessera-dealer)") Tx tx) {
 *         super(PersonalDataTables.of("dealer", "nothing is kept", PersonalTable.of(...)), tx);
 *     }
 * }
 * </pre>
 *
 * After an erasure has committed, the module unit's shared cache is emptied: its rows were changed
 * in SQL behind it.
 */
public abstract class TablePersonalDataProvider implements PersonalDataProvider {
    private final PersonalDataTables tables;
    private final Tx tx;

    /**
     * @param tx the module's unit, whose cache is evicted after an erasure; {@code null} when it keeps no cache
     */
    protected TablePersonalDataProvider(PersonalDataTables tables, Tx tx) {
        this.tables = tables;
        this.tx = tx;
    }

    @Override
    public String moduleId() {
        return tables.module();
    }

    @Override
    public PersonalDataSectionDTO export(String partyId, PersonalDataContext context) {
        return tables.export(partyId, context);
    }

    @Override
    public ErasureResultDTO erase(String partyId, ErasureContext context) {
        ErasureResultDTO result = tables.erase(partyId, context);
        if (tx != null) {
            context.afterCommit(() -> tx.required(em -> {
                em.getEntityManagerFactory().getCache().evictAll();
                return null;
            }));
        }
        return result;
    }

    @Override
    public String retention() {
        return tables.retention();
    }
}
