package org.tessera.crm.insurance.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy term. A policy is the chain of its terms, all with the same {@link #number}: a renewal
 * adds a term linked to the one it renews ({@link #renewedFromId}) and never changes it.
 * {@link #coverages}, {@link #premium} and {@link #participants} are those of the date the term was
 * read for ({@link #asOf}, today's revision by default). Server-owned: {@code id}, {@code termNumber},
 * {@code renewedFromId}, {@code renewedById}, {@code status} (changed by transitions),
 * {@code revision}, {@code revisions}, {@code holderPartyId}, {@code version}, the timestamps.
 */
public class PolicyDTO {
    public String id;
    public String number;
    public int termNumber;
    public String renewedFromId;
    public String renewedById;
    /** A value of the {@code insurance-line-of-business} picklist: AUTO, HOME, LIFE, HEALTH, LIABILITY… */
    public String lineOfBusiness;
    public String product;
    public PolicyStatus status;
    public LocalDate effectiveDate;
    /** The term's end, exclusive: the next term starts on it. */
    public LocalDate expiryDate;
    public BigDecimal premium;
    /** MONTHLY, QUARTERLY, SEMI_ANNUAL, ANNUAL. */
    public String premiumFrequency;
    /** DIRECT_DEBIT, CARD, TRANSFER, AGENCY. */
    public String billingMethod;
    public String currency;
    /** The carrier or issuing entity. */
    public String carrier;
    /** Premiums are paid up to this date, exclusive; a term unpaid past it and the grace period lapses. */
    public LocalDate paidThrough;
    public LocalDate cancellationDate;
    public String cancellationReason;
    /** The agent (core agent id) who manages the policy; the renewal reminder is theirs. */
    public String agentId;
    public String orgUnitId;
    /** The policyholder on {@link #asOf}: the party whose scope the policy follows. */
    public String holderPartyId;
    public List<CoverageDTO> coverages = new ArrayList<>();
    public List<PolicyParticipantDTO> participants = new ArrayList<>();
    /** Sensitive: {@code null} for a caller without {@code insurance.health.read}. */
    public HealthDeclarationDTO health;
    public Map<String, Object> customFields = new LinkedHashMap<>();
    /** The date coverages and premium were read for. */
    public LocalDate asOf;
    /** The revision that applies on {@link #asOf}. */
    public int revision;
    public List<PolicyRevisionDTO> revisions = new ArrayList<>();
    public long version;
    public Instant createdAt;
    public Instant updatedAt;
}
