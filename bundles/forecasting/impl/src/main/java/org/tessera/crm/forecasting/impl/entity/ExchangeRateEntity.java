package org.tessera.crm.forecasting.impl.entity;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

/** A dated exchange rate that forecasting keeps for reporting currencies. */
@Entity
@Table(name = "forecast_rate")
public class ExchangeRateEntity {
    @Id
    @SequenceGenerator(name = "forecast_rate_seq_gen", sequenceName = "forecast_rate_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "forecast_rate_seq_gen")
    public Long id;
    @Version
    public long version;
    @Column(name = "from_currency")
    public String fromCurrency;
    @Column(name = "to_currency")
    public String toCurrency;
    @Column(precision = 19, scale = 8)
    public BigDecimal rate;
    @Column(name = "valid_from")
    public LocalDate validFrom;
}
