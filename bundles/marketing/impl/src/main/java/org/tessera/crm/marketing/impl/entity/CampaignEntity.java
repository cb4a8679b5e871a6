package org.tessera.crm.marketing.impl.entity;

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

/** A campaign row; the parent is another campaign, the owner a core agent referenced by id. */
@Entity
@Table(name = "marketing_campaign")
public class CampaignEntity {
    @Id
    @SequenceGenerator(name = "marketing_gen", sequenceName = "marketing_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marketing_gen")
    public Long id;
    @Version
    public long version;
    public String name;
    @Column(name = "campaign_type")
    public String type;
    public String status;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Column(name = "source_code")
    public String sourceCode;
    public String description;
    @Column(name = "budgeted_cost")
    public BigDecimal budgetedCost;
    @Column(name = "actual_cost")
    public BigDecimal actualCost;
    @Column(name = "expected_revenue")
    public BigDecimal expectedRevenue;
    @Column(name = "expected_response_pct")
    public BigDecimal expectedResponsePercent;
    public String currency;
    @Column(name = "owner_id")
    public Long ownerId;
    @Column(name = "parent_id")
    public Long parentId;
    public int depth;
    @Column(name = "call_script")
    public String callScript;
    @Column(name = "email_subject")
    public String emailSubject;
    @Column(name = "email_html")
    public String emailHtml;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "marketing_campaign_custom", joinColumns = @JoinColumn(name = "campaign_id"))
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
