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

/** An opportunity as it stood when a revision was submitted; immutable. */
@Entity
@Table(name = "forecast_revision_opp")
public class RevisionOpportunityEntity {
    @Id
    @SequenceGenerator(name = "forecast_revision_opp_seq_gen", sequenceName = "forecast_revision_opp_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "forecast_revision_opp_seq_gen")
    public Long id;
    @Column(name = "revision_id")
    public Long revisionId;
    @Column(name = "opportunity_id")
    public String opportunityId;
    public String name;
    public String stage;
    public String category;
    @Column(precision = 19, scale = 4)
    public BigDecimal amount;
    public Integer probability;
    public String currency;
    @Column(name = "close_date")
    public LocalDate closeDate;
}
