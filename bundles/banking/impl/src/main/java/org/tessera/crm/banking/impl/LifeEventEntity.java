package org.tessera.crm.banking.impl;

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

/** A life event of a person: immutable through the API; an import may update its expiry and notes. */
@Entity
@Table(name = "banking_life_event")
public class LifeEventEntity {
    @Id
    @SequenceGenerator(name = "banking_gen", sequenceName = "banking_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "banking_gen")
    Long id;
    @Column(name = "party_id", nullable = false)
    long partyId;
    @Column(name = "event_type", nullable = false, length = 40)
    String type;
    @Column(name = "occurred_on", nullable = false)
    LocalDate occurredOn;
    @Column(name = "expires_on")
    LocalDate expiresOn;
    @Column(length = 2000)
    String notes;
    @Column(nullable = false, length = 10)
    String source;
    @Column(name = "recorded_by", length = 100)
    String recordedBy;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    Instant createdAt;
    @Version
    long version;
}
