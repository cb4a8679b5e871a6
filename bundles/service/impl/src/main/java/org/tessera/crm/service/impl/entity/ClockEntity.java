package org.tessera.crm.service.impl.entity;

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

/**
 * One milestone of one record. The scheduler finds due rows by {@code (state, next_deadline)} and
 * claims them with UPDATEs guarded by {@code phase} (a batch at once), so a deadline fires once across nodes.
 */
@Entity
@Table(name = "sla_clock")
public class ClockEntity {
    @Id
    @SequenceGenerator(name = "sla_clock_gen", sequenceName = "sla_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_clock_gen")
    public Long id;
    @Version
    public long version;
    @Column(name = "subject_type")
    public String subjectType;
    @Column(name = "subject_id")
    public long subjectId;
    @Column(name = "subject_link")
    public String subjectLink;
    @Column(name = "party_id")
    public Long partyId;
    @Column(name = "policy_id")
    public long policyId;
    public String milestone;
    public int cycle;
    public String state;
    public String phase;
    @Column(name = "started_at")
    @Convert(converter = InstantConverter.class)
    public Instant startedAt;
    @Column(name = "target_at")
    @Convert(converter = InstantConverter.class)
    public Instant targetAt;
    @Column(name = "warn_at")
    @Convert(converter = InstantConverter.class)
    public Instant warnAt;
    @Column(name = "next_deadline")
    @Convert(converter = InstantConverter.class)
    public Instant nextDeadline;
    @Column(name = "paused_since")
    @Convert(converter = InstantConverter.class)
    public Instant pausedSince;
    @Column(name = "stopped_ms")
    public long stoppedMs;
    public boolean violated;
    public boolean warned;
    @Column(name = "completed_at")
    @Convert(converter = InstantConverter.class)
    public Instant completedAt;
}
