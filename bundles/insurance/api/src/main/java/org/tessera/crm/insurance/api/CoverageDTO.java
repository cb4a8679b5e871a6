package org.tessera.crm.insurance.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A coverage of a policy term, in one revision of the term. It covers either an asset or a person
 * (a party), or the policy as a whole when it names neither.
 */
public class CoverageDTO {
    /** Unique within a revision of the term, e.g. {@code FIRE}. */
    public String code;
    public String name;
    public CoverageCategory category;
    /** The most the insurer pays for a claim on this coverage; {@code null}: no limit. */
    public BigDecimal limit;
    public BigDecimal deductible;
    /** The part of the premium this coverage accounts for. */
    public BigDecimal premiumPart;
    /** When the coverage starts within the term; {@code null}: at the term's start. */
    public LocalDate effectiveFrom;
    /** When it ends, exclusive; {@code null}: with the term. */
    public LocalDate effectiveTo;
    /** The insured person, a party id. */
    public String insuredPartyId;
    public InsuredAssetDTO insuredAsset;
}
