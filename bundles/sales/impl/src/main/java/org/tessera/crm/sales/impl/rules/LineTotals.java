package org.tessera.crm.sales.impl.rules;

import java.math.BigDecimal;
import java.util.List;

import org.tessera.crm.sales.api.LineItemDTO;

/** Line and document totals: gross, discount, net, tax and grand total in the currency's minor unit. */
public final class LineTotals {
    private LineTotals() {
    }

    /** quantity × unitPrice, unrounded. */
    public static BigDecimal gross(LineItemDTO line) {
        return line.quantity.multiply(line.unitPrice);
    }

    /** The line's total after its discount, rounded to the minor unit. */
    public static BigDecimal lineTotal(LineItemDTO line, String currency) {
        BigDecimal gross = gross(line);
        BigDecimal discount = line.discount == null ? BigDecimal.ZERO : Money.percentOf(gross, line.discount);
        return Money.round(gross.subtract(discount), currency);
    }

    /** Sets {@code totalPrice} of every line and returns their sum. */
    public static BigDecimal applyLineTotals(List<LineItemDTO> lines, String currency) {
        BigDecimal sum = Money.zero(currency);
        for (LineItemDTO line : lines) {
            line.totalPrice = lineTotal(line, currency);
            sum = sum.add(line.totalPrice);
        }
        return sum;
    }

    /** The totals of a priced document (a quote). */
    public record DocumentTotals(BigDecimal subtotal, BigDecimal discountTotal, BigDecimal netTotal,
            BigDecimal taxAmount, BigDecimal grandTotal) {
    }

    /**
     * Totals of {@code lines} (whose {@code totalPrice} it sets) with {@code taxRate} percent of
     * tax on the net total. Each line is rounded first, so the net total is the sum of the lines
     * as printed.
     */
    public static DocumentTotals documentTotals(List<LineItemDTO> lines, BigDecimal taxRate, String currency) {
        BigDecimal net = applyLineTotals(lines, currency);
        BigDecimal subtotal = Money.zero(currency);
        for (LineItemDTO line : lines) {
            subtotal = subtotal.add(Money.round(gross(line), currency));
        }
        BigDecimal tax = Money.round(Money.percentOf(net, taxRate == null ? BigDecimal.ZERO : taxRate), currency);
        return new DocumentTotals(subtotal, subtotal.subtract(net), net, tax, net.add(tax));
    }
}
