package org.tessera.crm.forecasting.impl.entity;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** A line of a submitted revision (part OWN, ROLLUP or TOTAL); immutable. */
@Entity
@Table(name = "forecast_revision_line")
public class RevisionLineEntity {
    @Id
    @SequenceGenerator(name = "forecast_revision_line_seq_gen", sequenceName = "forecast_revision_line_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "forecast_revision_line_seq_gen")
    public Long id;
    @Column(name = "revision_id")
    public Long revisionId;
    public String part;
    public String category;
    public String currency;
    @Column(name = "deal_count")
    public long count;
    @Column(precision = 19, scale = 4)
    public BigDecimal amount;
    @Column(precision = 19, scale = 4)
    public BigDecimal weighted;
    @Column(precision = 19, scale = 4)
    public BigDecimal forecast;
    @Column(precision = 19, scale = 4)
    public BigDecimal adjusted;
}
