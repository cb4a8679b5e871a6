package org.tessera.crm.forecasting.impl.entity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.tessera.crm.core.kit.jpa.InstantConverter;

/** A submitted forecast: written once and never changed, hence no version. */
@Entity
@Table(name = "forecast_revision")
public class RevisionEntity {
    @Id
    @SequenceGenerator(name = "forecast_revision_seq_gen", sequenceName = "forecast_revision_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "forecast_revision_seq_gen")
    public Long id;
    @Column(name = "position_id")
    public Long positionId;
    @Column(name = "period_id")
    public Long periodId;
    @Column(name = "revision_no")
    public int revision;
    @Column(name = "submitted_at")
    @Convert(converter = InstantConverter.class)
    public Instant submittedAt;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "rollup_source")
    public String rollupSource;
}
