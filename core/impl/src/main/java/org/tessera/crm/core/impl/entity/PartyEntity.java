package org.tessera.crm.core.impl.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.CascadeType;
import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.MapKeyColumn;
import javax.persistence.OneToMany;
import javax.persistence.OrderBy;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

/** A person, organization or household: one table, the name columns of each type side by side. */
@Entity
@Table(name = "party")
public class PartyEntity {
    @Id
    @SequenceGenerator(name = "party_gen", sequenceName = "party_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "party_gen")
    public Long id;
    @Version
    public long version;
    @Column(name = "party_type", nullable = false)
    public String type;
    @Column(name = "display_name")
    public String displayName;
    /** Normalized display name (lower case, no accents): the NAME sort key. */
    @Column(name = "sort_name")
    public String sortName;
    public String salutation;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    @Column(name = "job_title")
    public String jobTitle;
    @Column(name = "legal_name")
    public String legalName;
    @Column(name = "registration_number")
    public String registrationNumber;
    public String industry;
    @Column(name = "household_name")
    public String householdName;
    public String status;
    @Column(name = "owner_id")
    public Long ownerId;
    @Column(name = "org_unit_id")
    public Long orgUnitId;
    @Column(name = "created_at")
    @Convert(converter = InstantConverter.class)
    public Instant createdAt;
    @Column(name = "updated_at")
    @Convert(converter = InstantConverter.class)
    public Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "party_classification", joinColumns = @JoinColumn(name = "party_id"))
    @Column(name = "code")
    public Set<String> classifications = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "party_external_id", joinColumns = @JoinColumn(name = "party_id"))
    @MapKeyColumn(name = "source")
    @Column(name = "external_id")
    public Map<String, String> externalIds = new HashMap<>();

    @ElementCollection
    @CollectionTable(name = "party_search_term", joinColumns = @JoinColumn(name = "party_id"))
    @Column(name = "term")
    public Set<String> searchTerms = new HashSet<>();

    @OneToMany(mappedBy = "party", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<ContactMechanismEntity> contactMechanisms = new ArrayList<>();
}
