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

/** A next-best-offer rule; its conditions are stored as the JSON the client sent (normalized). */
@Entity
@Table(name = "banking_offer_rule")
public class OfferRuleEntity {
    @Id
    @SequenceGenerator(name = "banking_gen", sequenceName = "banking_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "banking_gen")
    Long id;
    @Column(name = "rule_key", nullable = false, length = 80)
    String key;
    @Column(nullable = false, length = 200)
    String name;
    @Column(nullable = false)
    int priority;
    @Column(nullable = false)
    boolean active;
    @Column(name = "valid_from")
    LocalDate validFrom;
    @Column(name = "valid_thru")
    LocalDate validThru;
    @Column(name = "cool_down_days", nullable = false)
    int coolDownDays;
    @Column(name = "conditions_json", nullable = false, length = 16000)
    String conditionsJson;
    @Column(name = "offer_source", nullable = false, length = 40)
    String offerSource;
    @Column(name = "offer_code", nullable = false, length = 80)
    String offerCode;
    @Column(name = "offer_name", length = 200)
    String offerName;
    @Column(name = "offer_product_type", length = 40)
    String offerProductType;
    @Column(name = "offer_description", length = 2000)
    String offerDescription;
    @Version
    long version;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    Instant updatedAt;
}
