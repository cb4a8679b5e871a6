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
