package org.tessera.crm.banking.impl;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

/** An asset or liability a party declared outside its accounts. */
@Entity
@Table(name = "banking_asset")
public class AssetEntity {
    @Id
    @SequenceGenerator(name = "banking_gen", sequenceName = "banking_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "banking_gen")
    Long id;
    @Column(name = "party_id", nullable = false)
    long partyId;
    @Column(name = "asset_kind", nullable = false, length = 10)
    String kind;
    @Column(nullable = false, length = 40)
    String category;
    @Column(length = 200)
    String description;
    @Column(name = "asset_value", nullable = false)
    BigDecimal value;
    @Column(nullable = false, length = 3)
    String currency;
    @Column(name = "as_of")
    LocalDate asOf;
    @Version
    long version;
}
