package ${package}.impl;

import java.util.Comparator;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.TimelineContributor;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineQuery;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.JpqlQuery;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.Tx;
import ${package}.api.${entity}Service;

/**
 * A party's ${entityLabel}s in its timeline, at their creation; they leave the timeline with the
 * module. Its one kind is declared, so a timeline filtered on another kind does not ask it.
 */
@Component(service = TimelineContributor.class, property = TimelineContributor.KINDS + "=" + ${entity}Service.ENTITY_TYPE)
public class ${entity}TimelineContributor implements TimelineContributor {
    /** Extra rows fetched so that entries sharing the position's instant are not cut off. */
    private static final int TIES_MARGIN = 20;

    private final Tx tx;
    private final RecordScope scope;

    @Activate
    public ${entity}TimelineContributor(@Reference(name = "tx", target = ${Module}Unit.TX) Tx tx, @Reference RecordScope scope) {
        this.tx = tx;
        this.scope = scope;
    }

    @Override
    public List<TimelineEntryDTO> entries(TimelineQuery query) {
        Long party = Ids.parse(query.partyId).orElse(null);
        if (party == null) {
            return List.of();
        }
        ScopeFilter visible = ScopeFilter.of(scope);
        List<${entity}Entity> rows = tx.required(em -> JpqlQuery.of("SELECT e FROM ${entity}Entity e")
                .where(visible.condition("e.partyId"))
                .where("e.partyId = :party", "party", party)
                .where("e.createdAt <= :before", "before", query.beforeOccurredAt)
                .create(em, "e.createdAt DESC", ${entity}Entity.class).setMaxResults(query.limit + TIES_MARGIN).getResultList());
        return rows.stream().map(${entity}TimelineContributor::entry).filter(query::admits)
                .sorted(Comparator.comparing((TimelineEntryDTO e) -> e.occurredAt).thenComparing(e -> e.id).reversed())
                .limit(query.limit).toList();
    }

    static TimelineEntryDTO entry(${entity}Entity row) {
        TimelineEntryDTO entry = new TimelineEntryDTO();
        entry.id = ${entity}Service.link(Ids.format(row.id));
        entry.source = ${entity}Service.MODULE;
        entry.kind = ${entity}Service.ENTITY_TYPE;
        entry.occurredAt = row.createdAt;
        entry.title = row.name;
        entry.summary = row.description;
        entry.href = "/${module}/${collection}/" + row.id;
        return entry;
    }
}
