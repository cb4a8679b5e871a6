package org.tessera.crm.sales.impl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tessera.crm.sales.api.LineItemDTO;

class LineTotalsTest {

    static LineItemDTO line(String quantity, String unitPrice, String discount) {
        LineItemDTO l = new LineItemDTO();
        l.productId = "1";
        l.quantity = new BigDecimal(quantity);
        l.unitPrice = new BigDecimal(unitPrice);
        l.discount = discount == null ? null : new BigDecimal(discount);
        return l;
    }

    @Test
    void lineTotalAppliesThePercentDiscountAndRoundsHalfUpToTheMinorUnit() {
        assertEquals(new BigDecimal("35150.00"), LineTotals.lineTotal(line("2", "18500", "5"), "EUR"));
        // 3 × 0.335 = 1.005 → 1.01 (half-up, not banker's rounding)
        assertEquals(new BigDecimal("1.01"), LineTotals.lineTotal(line("3", "0.335", null), "EUR"));
    }

    @Test
    void scaleFollowsTheCurrency() {
        assertEquals(new BigDecimal("1235"), LineTotals.lineTotal(line("1", "1234.5", null), "JPY"));
        assertEquals(new BigDecimal("1.235"), LineTotals.lineTotal(line("1", "1.2345", null), "KWD"));
    }

    @Test
    void documentTotalsSumRoundedLinesThenTaxTheNet() {
        List<LineItemDTO> lines = List.of(line("2", "18500", "5"), line("3", "349.90", null));
        LineTotals.DocumentTotals t = LineTotals.documentTotals(lines, new BigDecimal("20"), "EUR");
        assertEquals(new BigDecimal("38049.70"), t.subtotal());
        assertEquals(new BigDecimal("1850.00"), t.discountTotal());
        assertEquals(new BigDecimal("36199.70"), t.netTotal());
        assertEquals(new BigDecimal("7239.94"), t.taxAmount());
        assertEquals(new BigDecimal("43439.64"), t.grandTotal());
        assertEquals(new BigDecimal("1049.70"), lines.get(1).totalPrice);
    }

    @Test
    void emptyDocumentIsZeroInTheMinorUnit() {
        LineTotals.DocumentTotals t = LineTotals.documentTotals(List.of(), null, "EUR");
        assertEquals(new BigDecimal("0.00"), t.grandTotal());
    }

    @Test
    void currencyCodesAreIso4217UpperCase() {
        assertTrue(Money.isCurrency("EUR"));
        assertFalse(Money.isCurrency("eur"));
        assertFalse(Money.isCurrency("EURO"));
        assertFalse(Money.isCurrency("XYZ"));
    }
}
