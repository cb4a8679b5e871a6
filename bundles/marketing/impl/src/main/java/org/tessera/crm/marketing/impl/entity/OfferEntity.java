package org.tessera.crm.marketing.impl.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

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
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

import org.tessera.crm.core.kit.jpa.InstantConverter;

/** An offer of a campaign; products are sales' opaque ids (sales may be absent). */
@Entity
@Table(name = "marketing_offer")
public class OfferEntity {
    @Id
    @SequenceGenerator(name = "marketing_gen", sequenceName = "marketing_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marketing_gen")
    public Long id;
    @Version
    public long version;
    @Column(name = "campaign_id")
    public long campaignId;
    public String name;
    public String channel;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    public String description;
    @Column(name = "discount_pct")
    public BigDecimal discountPercent;
    @Column(name = "min_quantity")
    public BigDecimal minQuantity;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "marketing_offer_product", joinColumns = @JoinColumn(name = "offer_id"))
    @Column(name = "product_id")
    public Set<String> productIds = new LinkedHashSet<>();
    @Column(name = "created_at")
    @Convert(converter = InstantConverter.class)
    public Instant createdAt;
    @Column(name = "updated_at")
    @Convert(converter = InstantConverter.class)
    public Instant updatedAt;
}
