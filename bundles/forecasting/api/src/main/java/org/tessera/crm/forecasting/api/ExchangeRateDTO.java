package org.tessera.crm.forecasting.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One unit of {@code fromCurrency} is worth {@code rate} units of {@code toCurrency} from {@code validFrom} on. */
public class ExchangeRateDTO {
    public String id;
    public String fromCurrency;
    public String toCurrency;
    public BigDecimal rate;
    public LocalDate validFrom;
    public long version;
}
