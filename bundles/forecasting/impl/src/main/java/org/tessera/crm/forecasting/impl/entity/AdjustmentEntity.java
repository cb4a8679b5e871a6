package org.tessera.crm.forecasting.impl.entity;

import java.math.BigDecimal;
import java.time.Instant;

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

/** One author's figure for one line of a position's forecast; replaced in place when the author adjusts it again. */
@Entity
@Table(name = "forecast_adjustment")
public class AdjustmentEntity {
    @Id
    @SequenceGenerator(name = "forecast_adjustment_seq_gen", sequenceName = "forecast_adjustment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "forecast_adjustment_seq_gen")
    public Long id;
    @Version
    public long version;
    @Column(name = "position_id")
    public Long positionId;
    @Column(name = "period_id")
    public Long periodId;
    public String category;
    public String currency;
    @Column(precision = 19, scale = 4)
    public BigDecimal amount;
    public String note;
    @Column(name = "author_position_id")
    public Long authorPositionId;
    @Column(name = "author_login")
    public String authorLogin;
    @Column(name = "adjusted_at")
    @Convert(converter = InstantConverter.class)
    public Instant adjustedAt;
}
