package org.tessera.crm.service.impl;

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
import org.tessera.crm.service.api.RequestService;
import org.tessera.crm.service.impl.entity.RequestEntity;
import org.tessera.crm.service.impl.entity.ClockEntity;

/**
 * A party's requests in its 360° overview: how many, and the latest few. The core calls it in
 * parallel with the other sections, as the caller; the section leaves the overview with the module.
 */
@Component
public class RequestOverviewContributor implements OverviewContributor {
    static final int LATEST = 5;

    private final Tx tx;
    private final RecordScope scope;

    @Activate
    public RequestOverviewContributor(@Reference(name = "tx", target = ServiceUnit.TX) Tx tx, @Reference RecordScope scope) {
        this.tx = tx;
        this.scope = scope;
    }

    @Override
    public String module() {
        return RequestService.MODULE;
    }

    @Override
    public String section() {
        return "requests";
    }

    @Override
    public String title() {
        return "Service requests";
    }

    @Override
    public String requiredPermission() {
        return ServicePermissions.REQUEST_READ;
    }

    @Override
    public OverviewSectionDTO contribute(String partyId) {
        long party = Ids.of("PARTY", partyId);
        ScopeFilter visible = ScopeFilter.of(scope);
        return tx.required(em -> {
            long open = JpqlQuery.of("SELECT COUNT(e) FROM RequestEntity e").where(visible.condition("e.partyId"))
                    .where("e.partyId = :party", "party", party).where("e.statusCategory NOT IN ('RESOLVED', 'CLOSED')")
                    .create(em, null, Long.class).getSingleResult();
            // the worst SLA state of the running milestones (the deadline the scheduler fired last): violated, else warned, else on track
            List<Object[]> states = JpqlQuery.of("SELECT SUM(CASE WHEN c.phase = 'VIOLATED' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN c.phase = 'WARNED' THEN 1 ELSE 0 END) FROM ClockEntity c, RequestEntity e")
                    .where("c.subjectId = e.id").where("c.subjectType = :type", "type", RequestService.ENTITY_TYPE)
                    .where(visible.condition("e.partyId")).where("e.partyId = :party", "party", party)
                    .where("c.state IN ('RUNNING', 'PAUSED')").create(em, null, Object[].class).getResultList();
            long violated = states.isEmpty() || states.get(0)[0] == null ? 0 : ((Number) states.get(0)[0]).longValue();
            long warned = states.isEmpty() || states.get(0)[1] == null ? 0 : ((Number) states.get(0)[1]).longValue();
            List<OverviewItemDTO> latest = JpqlQuery.of("SELECT e FROM RequestEntity e").where(visible.condition("e.partyId"))
                    .where("e.partyId = :party", "party", party).where("e.statusCategory NOT IN ('RESOLVED', 'CLOSED')")
                    .create(em, "e.id DESC", RequestEntity.class)
                    .setMaxResults(LATEST).getResultList().stream().map(RequestOverviewContributor::item).toList();
            OverviewSectionDTO section = OverviewSectionDTO.of(List.of(KeyFigureDTO.count("open", "Open requests", open),
                    KeyFigureDTO.count("violated", "Violated milestones", violated),
                    KeyFigureDTO.count("warned", "Warned milestones", warned)), latest);
            section.message = violated > 0 ? "SLA: VIOLATED" : warned > 0 ? "SLA: WARNED" : "SLA: ON_TRACK";
            section.href = "/service/requests?partyId=" + partyId;
            return section;
        });
    }

    private static OverviewItemDTO item(RequestEntity row) {
        OverviewItemDTO item = new OverviewItemDTO();
        item.id = RequestService.link(Ids.format(row.id));
        item.type = RequestService.ENTITY_TYPE;
        item.title = row.number + " " + row.summary;
        item.subtitle = row.priority;
        item.status = row.status;
        item.at = row.createdAt;
        item.href = "/service/requests/" + row.id;
        return item;
    }
}
