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

/** A position of an investment account. */
@Entity
@Table(name = "banking_holding")
public class HoldingEntity {
    @Id
    @SequenceGenerator(name = "banking_gen", sequenceName = "banking_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "banking_gen")
    Long id;
    @Column(name = "account_id", nullable = false)
    long accountId;
    @Column(nullable = false, length = 40)
    String instrument;
    @Column(name = "instrument_name", length = 200)
    String instrumentName;
    @Column(nullable = false)
    BigDecimal quantity;
    BigDecimal price;
    @Column(name = "holding_value", nullable = false)
    BigDecimal value;
    @Column(name = "as_of", nullable = false)
    LocalDate asOf;
    @Version
    long version;
}
