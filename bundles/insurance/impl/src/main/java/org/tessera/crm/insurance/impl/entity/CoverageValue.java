package org.tessera.crm.insurance.impl.entity;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** A coverage in one revision of a term; the asset's free fields are JSON. */
@Embeddable
public class CoverageValue {
    public int revision;
    public String code;
    public String name;
    public String category;
    @Column(name = "limit_amount", precision = 19, scale = 4)
    public BigDecimal limit;
    @Column(precision = 19, scale = 4)
    public BigDecimal deductible;
    @Column(name = "premium_part", precision = 19, scale = 4)
    public BigDecimal premiumPart;
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;
    @Column(name = "effective_to")
    public LocalDate effectiveTo;
    @Column(name = "insured_party_id")
    public Long insuredPartyId;
    @Column(name = "asset_type")
    public String assetType;
    @Column(name = "asset_description")
    public String assetDescription;
    @Column(name = "asset_fields")
    public String assetFields;
}
