package ${package}.impl;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.overview.KeyFigureDTO;
import org.tessera.crm.core.api.overview.OverviewItemDTO;
import org.tessera.crm.core.api.overview.OverviewSectionDTO;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.OverviewContributor;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.JpqlQuery;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.Tx;
import ${package}.api.${entity}Service;

/**
 * A party's ${entityLabel}s in its 360° overview: how many, and the latest few. The core calls it in
 * parallel with the other sections, as the caller; the section leaves the overview with the module.
 */
@Component
public class ${entity}OverviewContributor implements OverviewContributor {
    static final int LATEST = 5;

    private final Tx tx;
    private final RecordScope scope;

    @Activate
    public ${entity}OverviewContributor(@Reference(name = "tx", target = ${Module}Unit.TX) Tx tx, @Reference RecordScope scope) {
        this.tx = tx;
        this.scope = scope;
    }

    @Override
    public String module() {
        return ${entity}Service.MODULE;
    }

    @Override
    public String section() {
        return "${collection}";
    }

    @Override
    public String title() {
        return "${entityLabel.substring(0, 1).toUpperCase()}${entityLabel.substring(1)}s";
    }

    @Override
    public String requiredPermission() {
        return ${Module}Permissions.${entityName.toUpperCase()}_READ;
    }

    @Override
    public OverviewSectionDTO contribute(String partyId) {
        long party = Ids.of("PARTY", partyId);
        ScopeFilter visible = ScopeFilter.of(scope);
        return tx.required(em -> {
            long count = JpqlQuery.of("SELECT COUNT(e) FROM ${entity}Entity e").where(visible.condition("e.partyId"))
                    .where("e.partyId = :party", "party", party).create(em, null, Long.class).getSingleResult();
            List<OverviewItemDTO> latest = JpqlQuery.of("SELECT e FROM ${entity}Entity e").where(visible.condition("e.partyId"))
                    .where("e.partyId = :party", "party", party).create(em, "e.id DESC", ${entity}Entity.class)
                    .setMaxResults(LATEST).getResultList().stream().map(${entity}OverviewContributor::item).toList();
            OverviewSectionDTO section = OverviewSectionDTO.of(List.of(KeyFigureDTO.count("count", title(), count)), latest);
            section.href = "/${module}/${collection}?partyId=" + partyId;
            return section;
        });
    }

    private static OverviewItemDTO item(${entity}Entity row) {
        OverviewItemDTO item = new OverviewItemDTO();
        item.id = ${entity}Service.link(Ids.format(row.id));
        item.type = ${entity}Service.ENTITY_TYPE;
        item.title = row.name;
        item.subtitle = row.description;
        item.at = row.createdAt;
        item.href = "/${module}/${collection}/" + row.id;
        return item;
    }
}
