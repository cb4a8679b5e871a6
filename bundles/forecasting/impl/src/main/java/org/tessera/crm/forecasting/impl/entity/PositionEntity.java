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
import javax.persistence.Version;

import org.tessera.crm.core.kit.jpa.InstantConverter;

/** A node of the forecast hierarchy. */
@Entity
@Table(name = "forecast_position")
public class PositionEntity {
    @Id
    @SequenceGenerator(name = "forecast_position_seq_gen", sequenceName = "forecast_position_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "forecast_position_seq_gen")
    public Long id;
    @Version
    public long version;
    public String name;
    @Column(name = "agent_id")
    public Long agentId;
    @Column(name = "org_unit_id")
    public Long orgUnitId;
    @Column(name = "parent_id")
    public Long parentId;
    @Column(name = "unit_manager")
    public boolean unitManager;
    @Column(name = "created_at")
    @Convert(converter = InstantConverter.class)
    public Instant createdAt;
}
