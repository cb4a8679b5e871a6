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

/** A party's role on an account for a period; rewritten as a set with its account. */
@Entity
@Table(name = "banking_account_role")
public class AccountRoleEntity {
    @Id
    @SequenceGenerator(name = "banking_gen", sequenceName = "banking_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "banking_gen")
    Long id;
    @Column(name = "account_id", nullable = false)
    long accountId;
    @Column(name = "party_id", nullable = false)
    long partyId;
    @Column(name = "account_role", nullable = false, length = 20)
    String role;
    @Column(name = "share_percent")
    BigDecimal sharePercent;
    @Column(name = "valid_from", nullable = false)
    LocalDate from;
    @Column(name = "valid_thru")
    LocalDate thru;
}
