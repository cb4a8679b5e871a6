package org.tessera.crm.banking.api;

import java.math.BigDecimal;

/**
 * The amounts of a rollup in one currency (amounts are never converted between currencies).
 * {@code netWorth = deposits + investments + assets − loans − liabilities}; loans are amounts owed,
 * positive, whatever the sign their balance was recorded with.
 */
public class CurrencyTotalsDTO {
    public String currency;
    public BigDecimal deposits = BigDecimal.ZERO;
    public BigDecimal investments = BigDecimal.ZERO;
    public BigDecimal loans = BigDecimal.ZERO;
    public BigDecimal assets = BigDecimal.ZERO;
    public BigDecimal liabilities = BigDecimal.ZERO;
    public BigDecimal netWorth = BigDecimal.ZERO;
}
