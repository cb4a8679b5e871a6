package org.tessera.crm.insurance.impl.entity;

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

@Entity
@Table(name = "ins_claim")
public class ClaimEntity {
    @Id
    @SequenceGenerator(name = "ins_claim_gen", sequenceName = "ins_claim_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ins_claim_gen")
    public Long id;
    @Version
    public long version;
    @Column(name = "claim_number")
    public String number;
    @Column(name = "policy_id")
    public long policyId;
    @Column(name = "loss_date")
    public LocalDate lossDate;
    @Column(name = "reported_date")
    public LocalDate reportedDate;
    @Column(name = "claim_type")
    public String type;
    public String description;
    public String status;
    @Column(name = "service_request_id")
    public String serviceRequestId;
    /** The policyholder of the claim's term, copied for record scope in the query. */
    @Column(name = "holder_party_id")
    public long holderPartyId;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ins_claim_amount", joinColumns = @JoinColumn(name = "claim_id"))
    @OrderColumn(name = "seq_no")
    public List<ClaimAmountValue> amounts = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ins_claim_participant", joinColumns = @JoinColumn(name = "claim_id"))
    @OrderColumn(name = "seq_no")
    public List<ClaimParticipantValue> participants = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ins_claim_payment", joinColumns = @JoinColumn(name = "claim_id"))
    @OrderColumn(name = "seq_no")
    public List<ClaimPaymentValue> payments = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ins_claim_custom_value", joinColumns = @JoinColumn(name = "claim_id"))
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
