package org.tessera.crm.banking.impl;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.MapKeyColumn;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

import org.tessera.crm.core.kit.jpa.InstantConverter;

/** A financial account row; its roles are rows of their own ({@link AccountRoleEntity}). */
@Entity
@Table(name = "banking_account")
public class AccountEntity {
    @Id
    @SequenceGenerator(name = "banking_gen", sequenceName = "banking_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "banking_gen")
    Long id;
    @Column(name = "account_number", nullable = false, length = 34)
    String number;
    @Column(name = "account_type", nullable = false, length = 40)
    String type;
    @Column(length = 120)
    String product;
    @Column(nullable = false, length = 10)
    String status;
    @Column(name = "opened_on")
    LocalDate openedOn;
    @Column(name = "closed_on")
    LocalDate closedOn;
    @Column(nullable = false, length = 3)
    String currency;
    BigDecimal balance;
    @Column(name = "available_balance")
    BigDecimal availableBalance;
    @Column(name = "balance_as_of")
    LocalDate balanceAsOf;
    @Column(name = "credit_limit")
    BigDecimal creditLimit;
    @Column(name = "interest_rate")
    BigDecimal interestRate;
    @Column(name = "branch_id")
    Long branchId;
    @Column(name = "held_away", nullable = false)
    boolean heldAway;
    /** Custom field values as JSON, by field key. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "banking_account_custom_value", joinColumns = @JoinColumn(name = "account_id"))
    @MapKeyColumn(name = "field_key")
    @Column(name = "value_json", length = 4000)
    Map<String, String> customValues = new HashMap<>();
    @Version
    long version;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    Instant updatedAt;
}
