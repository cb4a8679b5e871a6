package org.tessera.crm.banking.impl;

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

/** An agent's acceptance or rejection of an offer; history, never changed. */
@Entity
@Table(name = "banking_offer_decision")
public class OfferDecisionEntity {
    @Id
    @SequenceGenerator(name = "banking_gen", sequenceName = "banking_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "banking_gen")
    Long id;
    @Column(name = "party_id", nullable = false)
    long partyId;
    @Column(name = "rule_id", nullable = false)
    long ruleId;
    @Column(name = "rule_key", nullable = false, length = 80)
    String ruleKey;
    @Column(name = "offer_name", length = 200)
    String offerName;
    @Column(nullable = false, length = 10)
    String decision;
    @Column(length = 2000)
    String reason;
    @Column(name = "follow_up", length = 100)
    String followUp;
    @Column(name = "decided_by", length = 100)
    String decidedBy;
    @Column(name = "decided_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    Instant decidedAt;
}
