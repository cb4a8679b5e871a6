package org.tessera.crm.sales.impl.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.overview.KeyFigureDTO;
import org.tessera.crm.core.api.overview.OverviewItemDTO;
import org.tessera.crm.core.api.overview.OverviewSectionDTO;
import org.tessera.crm.core.api.spi.OverviewContributor;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.sales.api.OpportunityStatus;
import org.tessera.crm.sales.impl.entity.OpportunityEntity;
import org.tessera.crm.sales.impl.jpa.SalesUnit;
import org.tessera.crm.sales.impl.rules.Money;

/**
 * The open opportunities of an account in its overview: how many, their total per currency, and
 * the next {@value #SHOWN} to close.
 */
@Component
public class OpportunitiesSection implements OverviewContributor {
    static final int SHOWN = 3;
    private static final String OPEN = OpportunityStatus.OPEN.name();

    private final Tx tx;
    private final AccountAccess access;

    @Activate
    public OpportunitiesSection(@Reference(target = SalesUnit.TX) Tx tx, @Reference AccountAccess access) {
        this.tx = tx;
        this.access = access;
    }

    @Override
    public String module() {
        return "sales";
    }

    @Override
    public String section() {
        return "opportunities";
    }

    @Override
    public String title() {
        return "Open opportunities";
    }

    @Override
    public String requiredPermission() {
        return SalesPermissions.OPPORTUNITY_READ;
    }

    @Override
    public OverviewSectionDTO contribute(String partyId) {
        Long account = Ids.parse(partyId).orElse(null);
        if (account == null || !access.canSee(account)) {
            return OverviewSectionDTO.of(List.of(), List.of());
        }
        OverviewSectionDTO section = tx.required(em -> OverviewSectionDTO.of(figures(em, account),
                nextToClose(em, account).stream().map(OpportunitiesSection::item).toList()));
        section.href = "/sales/opportunities?accountId=" + partyId + "&status=" + OPEN;
        return section;
    }

    private static List<KeyFigureDTO> figures(EntityManager em, long account) {
        List<KeyFigureDTO> figures = new ArrayList<>();
        long count = em.createQuery("select count(o) from OpportunityEntity o where o.accountId = :account and o.status = :open", Long.class)
                .setParameter("account", account).setParameter("open", OPEN).getSingleResult();
        figures.add(KeyFigureDTO.count("openCount", "Open opportunities", count));
        em.createQuery("select o.currency, sum(o.amount) from OpportunityEntity o where o.accountId = :account and o.status = :open"
                + " and o.amount is not null group by o.currency order by o.currency", Object[].class)
                .setParameter("account", account).setParameter("open", OPEN).getResultList()
                .forEach(row -> figures.add(new KeyFigureDTO("openAmount", "Open amount",
                        Money.round((BigDecimal) row[1], (String) row[0]), (String) row[0])));
        return figures;
    }

    /** Soonest expected close first; those without a date come last. */
    private static List<OpportunityEntity> nextToClose(EntityManager em, long account) {
        List<OpportunityEntity> dated = em.createQuery("select o from OpportunityEntity o where o.accountId = :account and o.status = :open"
                + " and o.expectedCloseDate is not null order by o.expectedCloseDate, o.id", OpportunityEntity.class)
                .setParameter("account", account).setParameter("open", OPEN).setMaxResults(SHOWN).getResultList();
        if (dated.size() == SHOWN) {
            return dated;
        }
        List<OpportunityEntity> next = new ArrayList<>(dated);
        next.addAll(em.createQuery("select o from OpportunityEntity o where o.accountId = :account and o.status = :open"
                + " and o.expectedCloseDate is null order by o.id", OpportunityEntity.class)
                .setParameter("account", account).setParameter("open", OPEN).setMaxResults(SHOWN - dated.size()).getResultList());
        return next;
    }

    private static OverviewItemDTO item(OpportunityEntity o) {
        OverviewItemDTO item = new OverviewItemDTO();
        item.id = "sales:opportunity:" + o.id;
        item.type = "OPPORTUNITY";
        item.title = o.name;
        item.subtitle = o.stage + " · " + o.probability + " %";
        item.status = o.status;
        item.date = o.expectedCloseDate;
        item.amount = o.amount == null || o.currency == null ? null : Money.round(o.amount, o.currency);
        item.currency = o.currency;
        item.href = "/sales/opportunities/" + o.id;
        return item;
    }
}
