package org.tessera.crm.forecasting.impl.entity;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

import org.tessera.crm.core.kit.jpa.InstantConverter;

/** A fiscal period; locking it closes it. */
@Entity
@Table(name = "forecast_period")
public class PeriodEntity {
    @Id
    @SequenceGenerator(name = "forecast_period_seq_gen", sequenceName = "forecast_period_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "forecast_period_seq_gen")
    public Long id;
    @Version
    public long version;
    public String name;
    @Column(name = "period_type")
    public String type;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    public String status;
    @Column(name = "locked_at")
    @Convert(converter = InstantConverter.class)
    public Instant lockedAt;
    @Column(name = "locked_by")
    public String lockedBy;
}
