package org.tessera.crm.banking.impl;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

/** A person's membership of a household party, with the role and primary flag the core relationship lacks. */
@Entity
@Table(name = "banking_household_member")
public class HouseholdMemberEntity {
    @Id
    @SequenceGenerator(name = "banking_gen", sequenceName = "banking_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "banking_gen")
    Long id;
    @Column(name = "household_id", nullable = false)
    long householdId;
    @Column(name = "party_id", nullable = false)
    long partyId;
    @Column(name = "member_role", nullable = false, length = 20)
    String role;
    @Column(name = "is_primary", nullable = false)
    boolean primary;
    @Column(name = "valid_from", nullable = false)
    LocalDate from;
    @Column(name = "relationship_id")
    Long relationshipId;
    @Version
    long version;
}
