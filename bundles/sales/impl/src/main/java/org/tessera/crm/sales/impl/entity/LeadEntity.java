package org.tessera.crm.sales.impl.entity;

import java.time.Instant;
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

@Entity
@Table(name = "sales_lead")
public class LeadEntity {
    @Id
    @SequenceGenerator(name = "sales_lead_gen", sequenceName = "sales_lead_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sales_lead_gen")
    public Long id;
    @Version
    public long version;
    @Column(name = "party_id")
    public Long partyId;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    public String email;
    public String phone;
    @Column(name = "company_name")
    public String companyName;
    @Column(name = "job_title")
    public String jobTitle;
    @Column(name = "lead_source")
    public String source;
    public String rating;
    public String status;
    @Column(name = "disqualified_reason")
    public String disqualifiedReason;
    @Column(name = "last_outcome")
    public String lastOutcome;
    @Column(name = "last_outcome_at")
    @Convert(converter = InstantConverter.class)
    public Instant lastOutcomeAt;
    @Column(name = "next_action")
    public String nextAction;
    @Column(name = "next_action_at")
    @Convert(converter = InstantConverter.class)
    public Instant nextActionAt;
    @Column(name = "next_activity_id")
    public Long nextActivityId;
    @Column(name = "owner_id")
    public Long ownerId;
    @Column(name = "campaign_id")
    public String campaignId;
    @Column(name = "converted_contact_id")
    public Long convertedContactId;
    @Column(name = "converted_account_id")
    public Long convertedAccountId;
    @Column(name = "converted_opportunity_id")
    public Long convertedOpportunityId;
    @Column(name = "converted_at")
    @Convert(converter = InstantConverter.class)
    public Instant convertedAt;
    /** When a conversion claimed the lead (epoch milliseconds), until it completes or gives up; {@code null} otherwise. */
    @Column(name = "conversion_claim")
    public Long conversionClaim;
    /** Custom field values as JSON, by field key. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sales_lead_custom_value", joinColumns = @JoinColumn(name = "lead_id"))
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
