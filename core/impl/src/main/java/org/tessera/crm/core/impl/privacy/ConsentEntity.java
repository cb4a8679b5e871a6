package org.tessera.crm.core.impl.privacy;

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

import org.tessera.crm.core.impl.entity.InstantConverter;

/** A party's current consent for one purpose on one channel. */
@Entity
@Table(name = "party_consent")
public class ConsentEntity {
    @Id
    @SequenceGenerator(name = "party_consent_gen", sequenceName = "party_consent_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "party_consent_gen")
    public Long id;
    @Version
    public long version;
    @Column(name = "party_id", nullable = false)
    public Long partyId;
    public String purpose;
    public String channel;
    public String status;
    @Column(name = "captured_at")
    @Convert(converter = InstantConverter.class)
    public Instant capturedAt;
    public String source;
}
