package org.tessera.crm.marketing.impl.entity;

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

/** A party on the suppression list for a channel; immutable (added, then deleted). */
@Entity
@Table(name = "marketing_suppression")
public class SuppressionEntity {
    @Id
    @SequenceGenerator(name = "marketing_gen", sequenceName = "marketing_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marketing_gen")
    public Long id;
    @Column(name = "party_id")
    public long partyId;
    public String channel;
    public String reason;
    @Column(name = "created_at")
    @Convert(converter = InstantConverter.class)
    public Instant createdAt;
}
