package org.tessera.crm.sales.impl.service;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.overview.KeyFigureDTO;
import org.tessera.crm.core.api.overview.OverviewItemDTO;
import org.tessera.crm.core.api.overview.OverviewSectionDTO;
import org.tessera.crm.core.api.spi.OverviewContributor;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.sales.api.QuoteDTO;
import org.tessera.crm.sales.impl.entity.QuoteEntity;
import org.tessera.crm.sales.impl.jpa.SalesUnit;

/** The quotes of an account in its overview: how many, and the last one made. */
@Component
public class QuotesSection implements OverviewContributor {
    private final Tx tx;
    private final AccountAccess access;

    @Activate
    public QuotesSection(@Reference(target = SalesUnit.TX) Tx tx, @Reference AccountAccess access) {
        this.tx = tx;
        this.access = access;
    }

    @Override
    public String module() {
        return "sales";
    }

    @Override
    public String section() {
        return "quotes";
    }

    @Override
    public String title() {
        return "Quotes";
    }

    @Override
    public String requiredPermission() {
        return SalesPermissions.QUOTE_READ;
    }

    @Override
    public OverviewSectionDTO contribute(String partyId) {
        Long account = Ids.parse(partyId).orElse(null);
        if (account == null || !access.canSee(account)) {
            return OverviewSectionDTO.of(List.of(), List.of());
        }
        return tx.required(em -> {
            long count = em.createQuery("select count(q) from QuoteEntity q where q.accountId = :account", Long.class)
                    .setParameter("account", account).getSingleResult();
            List<OverviewItemDTO> last = em.createQuery("select q from QuoteEntity q where q.accountId = :account"
                    + " order by q.createdAt desc, q.id desc", QuoteEntity.class)
                    .setParameter("account", account).setMaxResults(1).getResultList()
                    .stream().map(q -> item(QuoteMapper.toDto(q))).toList();
            return OverviewSectionDTO.of(List.of(KeyFigureDTO.count("count", "Quotes", count)), last);
        });
    }

    private static OverviewItemDTO item(QuoteDTO quote) {
        OverviewItemDTO item = new OverviewItemDTO();
        item.id = "sales:quote:" + quote.id;
        item.type = "QUOTE";
        item.title = quote.name == null ? quote.number : quote.number + " " + quote.name;
        item.subtitle = "last quote" + (quote.validUntil == null ? "" : ", valid until " + quote.validUntil);
        item.status = quote.status.name();
        item.at = quote.createdAt;
        item.date = quote.validUntil;
        item.amount = quote.grandTotal;
        item.currency = quote.currency;
        item.href = "/sales/quotes/" + quote.id;
        return item;
    }
}
