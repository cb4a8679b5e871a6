package org.tessera.crm.insurance.impl.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import javax.persistence.OrderColumn;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

import org.tessera.crm.core.kit.jpa.InstantConverter;

/** One policy term, with the coverages of all its revisions and its participants. */
@Entity
@Table(name = "ins_policy")
public class PolicyEntity {
    @Id
    @SequenceGenerator(name = "ins_policy_gen", sequenceName = "ins_policy_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ins_policy_gen")
    public Long id;
    @Version
    public long version;
    @Column(name = "policy_number")
    public String number;
    @Column(name = "term_number")
    public int termNumber;
    @Column(name = "renewed_from_id")
    public Long renewedFromId;
    @Column(name = "line_of_business")
    public String lineOfBusiness;
    public String product;
    public String status;
    @Column(name = "effective_date")
    public LocalDate effectiveDate;
    @Column(name = "expiry_date")
    public LocalDate expiryDate;
    @Column(precision = 19, scale = 4)
    public BigDecimal premium;
    @Column(name = "premium_frequency")
    public String premiumFrequency;
    @Column(name = "billing_method")
    public String billingMethod;
    public String currency;
    public String carrier;
    @Column(name = "paid_through")
    public LocalDate paidThrough;
    @Column(name = "cancellation_date")
    public LocalDate cancellationDate;
    @Column(name = "cancellation_reason")
    public String cancellationReason;
    @Column(name = "agent_id")
    public Long agentId;
    @Column(name = "org_unit_id")
    public Long orgUnitId;
    /** The policyholder of the term: what record scope filters on. */
    @Column(name = "holder_party_id")
    public long holderPartyId;
    @Column(name = "current_revision")
    public int currentRevision;
    @Column(name = "health_json")
    public String healthJson;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ins_policy_revision", joinColumns = @JoinColumn(name = "policy_id"))
    @OrderColumn(name = "seq_no")
    public List<RevisionValue> revisions = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ins_policy_coverage", joinColumns = @JoinColumn(name = "policy_id"))
    @OrderColumn(name = "seq_no")
    public List<CoverageValue> coverages = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ins_policy_participant", joinColumns = @JoinColumn(name = "policy_id"))
    @OrderColumn(name = "seq_no")
    public List<ParticipantValue> participants = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ins_policy_custom_value", joinColumns = @JoinColumn(name = "policy_id"))
    @MapKeyColumn(name = "field_key")
    @Column(name = "value_json")
    public Map<String, String> customValues = new HashMap<>();
    @Column(name = "created_at")
    @Convert(converter = InstantConverter.class)
    public Instant createdAt;
    @Column(name = "updated_at")
    @Convert(converter = InstantConverter.class)
    public Instant updatedAt;
}
