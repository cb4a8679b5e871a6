package org.tessera.crm.sales.impl.entity;

import java.math.BigDecimal;
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

import org.tessera.crm.core.kit.jpa.InstantConverter;

/** An immutable snapshot of an opportunity's forecast-relevant fields. */
@Entity
@Table(name = "sales_opportunity_history")
public class OpportunityHistoryEntity {
    @Id
    @SequenceGenerator(name = "sales_opportunity_history_gen", sequenceName = "sales_opportunity_history_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sales_opportunity_history_gen")
    public Long id;
    @Column(name = "opportunity_id")
    public Long opportunityId;
    @Column(name = "changed_at")
    @Convert(converter = InstantConverter.class)
    public Instant changedAt;
    @Column(name = "changed_by")
    public String changedBy;
    /** Comma-separated names of the fields that changed. */
    @Column(name = "changed_fields")
    public String changedFields;
    public String stage;
    @Column(precision = 19, scale = 4)
    public BigDecimal amount;
    public String currency;
    public int probability;
    @Column(name = "expected_close_date")
    public LocalDate expectedCloseDate;
    @Column(name = "forecast_category")
    public String forecastCategory;
}
