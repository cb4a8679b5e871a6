package org.tessera.crm.forecasting.impl.entity;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

/** A position's quota for a period in one currency. */
@Entity
@Table(name = "forecast_quota")
public class QuotaEntity {
    @Id
    @SequenceGenerator(name = "forecast_quota_seq_gen", sequenceName = "forecast_quota_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "forecast_quota_seq_gen")
    public Long id;
    @Version
    public long version;
    @Column(name = "position_id")
    public Long positionId;
    @Column(name = "period_id")
    public Long periodId;
    public String currency;
    @Column(precision = 19, scale = 4)
    public BigDecimal amount;
}
