package org.tessera.crm.sales.impl.entity;

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

@Entity
@Table(name = "sales_opportunity")
public class OpportunityEntity {
    @Id
    @SequenceGenerator(name = "sales_opportunity_gen", sequenceName = "sales_opportunity_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sales_opportunity_gen")
    public Long id;
    @Version
    public long version;
    @Column(name = "account_id")
    public Long accountId;
    public String name;
    @Column(name = "pipeline_id")
    public Long pipelineId;
    public String stage;
    public int probability;
    @Column(name = "forecast_category")
    public String forecastCategory;
    public String status;
    @Column(precision = 19, scale = 4)
    public BigDecimal amount;
    public String currency;
    @Column(name = "expected_close_date")
    public LocalDate expectedCloseDate;
    @Column(name = "owner_id")
    public Long ownerId;
    @Column(name = "campaign_id")
    public String campaignId;
    @Column(name = "price_list_id")
    public Long priceListId;
    @Column(name = "next_step")
    public String nextStep;
    @Column(name = "lost_reason")
    public String lostReason;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sales_opportunity_contact", joinColumns = @JoinColumn(name = "opportunity_id"))
    @OrderColumn(name = "seq_no")
    public List<ContactRoleValue> contactRoles = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sales_opportunity_competitor", joinColumns = @JoinColumn(name = "opportunity_id"))
    @OrderColumn(name = "seq_no")
    public List<CompetitorValue> competitors = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sales_opportunity_line", joinColumns = @JoinColumn(name = "opportunity_id"))
    @OrderColumn(name = "seq_no")
    public List<LineItemValue> lineItems = new ArrayList<>();
    /** Custom field values as JSON, by field key. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sales_opportunity_custom_value", joinColumns = @JoinColumn(name = "opportunity_id"))
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
