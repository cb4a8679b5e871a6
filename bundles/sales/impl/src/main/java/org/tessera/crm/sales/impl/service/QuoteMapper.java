package org.tessera.crm.sales.impl.service;

import java.util.List;
import java.util.Objects;

import org.tessera.crm.sales.api.LineItemDTO;
import org.tessera.crm.sales.api.QuoteDTO;
import org.tessera.crm.sales.api.QuoteStatus;
import org.tessera.crm.sales.impl.entity.QuoteEntity;
import org.tessera.crm.sales.impl.rules.LineTotals;

final class QuoteMapper {
    private QuoteMapper() {
    }

    static QuoteDTO toDto(QuoteEntity e) {
        QuoteDTO d = new QuoteDTO();
        d.id = e.id.toString();
        d.number = e.number;
        d.opportunityId = e.opportunityId.toString();
        d.accountId = e.accountId.toString();
        d.name = e.name;
        d.status = QuoteStatus.valueOf(e.status);
        d.currency = e.currency;
        d.taxRate = OpportunityMapper.plain(e.taxRate);
        d.validUntil = e.validUntil;
        e.lines.forEach(v -> d.lines.add(OpportunityMapper.toDto(v, e.currency)));
        LineTotals.DocumentTotals totals = LineTotals.documentTotals(d.lines, e.taxRate, e.currency);
        d.subtotal = totals.subtotal();
        d.discountTotal = totals.discountTotal();
        d.netTotal = totals.netTotal();
        d.taxAmount = totals.taxAmount();
        d.grandTotal = totals.grandTotal();
        d.version = e.version;
        d.createdAt = e.createdAt;
        d.updatedAt = e.updatedAt;
        return d;
    }

    /** Whether two line lists price the same things (server-computed totals ignored; 2.0 = 2). */
    static boolean sameLines(List<LineItemDTO> a, List<LineItemDTO> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            LineItemDTO x = a.get(i);
            LineItemDTO y = b.get(i);
            if (!Objects.equals(x.productId, y.productId) || !same(x.quantity, y.quantity)
                    || !same(x.unitPrice, y.unitPrice) || !same(x.discount, y.discount)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(java.math.BigDecimal x, java.math.BigDecimal y) {
        if (x == null || y == null) {
            return x == null && y == null || (x == null ? y.signum() == 0 : x.signum() == 0);
        }
        return x.compareTo(y) == 0;
    }
}
