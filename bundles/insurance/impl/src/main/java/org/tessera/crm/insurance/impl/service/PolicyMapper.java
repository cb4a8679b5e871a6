package org.tessera.crm.insurance.impl.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tessera.crm.core.kit.CustomValuesJson;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.insurance.api.CoverageCategory;
import org.tessera.crm.insurance.api.CoverageDTO;
import org.tessera.crm.insurance.api.HealthDeclarationDTO;
import org.tessera.crm.insurance.api.InsuredAssetDTO;
import org.tessera.crm.insurance.api.ParticipantRole;
import org.tessera.crm.insurance.api.PolicyDTO;
import org.tessera.crm.insurance.api.PolicyParticipantDTO;
import org.tessera.crm.insurance.api.PolicyRevisionDTO;
import org.tessera.crm.insurance.api.PolicyStatus;
import org.tessera.crm.insurance.impl.entity.CoverageValue;
import org.tessera.crm.insurance.impl.entity.ParticipantValue;
import org.tessera.crm.insurance.impl.entity.PolicyEntity;
import org.tessera.crm.insurance.impl.entity.RevisionValue;
import org.tessera.crm.insurance.impl.rules.Dated;
import org.tessera.crm.insurance.impl.rules.Revisions;

/** Entity ↔ DTO for policy terms, as of a date. */
public final class PolicyMapper {
    private static final ObjectMapper JSON = ObjectMappers.create();
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };

    private PolicyMapper() {
    }

    /** The date a term is read for when the caller names none: today, clamped into the term. */
    public static LocalDate defaultAsOf(PolicyEntity e, LocalDate today) {
        if (today.isBefore(e.effectiveDate)) {
            return e.effectiveDate;
        }
        return today.isBefore(e.expiryDate) ? today : e.expiryDate.minusDays(1);
    }

    public static PolicyDTO toDto(PolicyEntity e, LocalDate asOf, boolean withHealth, Long renewedById) {
        PolicyDTO d = new PolicyDTO();
        d.id = Ids.format(e.id);
        d.number = e.number;
        d.termNumber = e.termNumber;
        d.renewedFromId = Ids.format(e.renewedFromId);
        d.renewedById = Ids.format(renewedById);
        d.lineOfBusiness = e.lineOfBusiness;
        d.product = e.product;
        d.status = PolicyStatus.valueOf(e.status);
        d.effectiveDate = e.effectiveDate;
        d.expiryDate = e.expiryDate;
        d.premiumFrequency = e.premiumFrequency;
        d.billingMethod = e.billingMethod;
        d.currency = e.currency;
        d.carrier = e.carrier;
        d.paidThrough = e.paidThrough;
        d.cancellationDate = e.cancellationDate;
        d.cancellationReason = e.cancellationReason;
        d.agentId = Ids.format(e.agentId);
        d.orgUnitId = Ids.format(e.orgUnitId);
        d.holderPartyId = Ids.format(e.holderPartyId);
        d.asOf = asOf;
        RevisionValue revision = Revisions.at(e.revisions, asOf).orElse(e.revisions.get(0));
        d.revision = revision.revision;
        d.premium = revision.premium;
        for (CoverageValue c : Revisions.coveragesOn(e.coverages, revision.revision, asOf)) {
            d.coverages.add(toDto(c));
        }
        for (ParticipantValue p : e.participants) {
            if (Dated.covers(p.from, p.thru, asOf)) {
                d.participants.add(toDto(p));
            }
        }
        for (RevisionValue r : e.revisions) {
            PolicyRevisionDTO rd = new PolicyRevisionDTO();
            rd.revision = r.revision;
            rd.validFrom = r.validFrom;
            rd.premium = r.premium;
            rd.reason = r.reason;
            rd.recordedAt = r.recordedAt;
            d.revisions.add(rd);
        }
        d.health = withHealth ? readHealth(e.healthJson) : null;
        d.customFields = CustomValuesJson.decode(e.customValues);
        d.version = e.version;
        d.createdAt = e.createdAt;
        d.updatedAt = e.updatedAt;
        return d;
    }

    /** Every participant of the term, whatever their dates: what a write replaces. */
    public static List<PolicyParticipantDTO> allParticipants(PolicyEntity e) {
        List<PolicyParticipantDTO> all = new ArrayList<>();
        e.participants.forEach(p -> all.add(toDto(p)));
        return all;
    }

    public static CoverageDTO toDto(CoverageValue c) {
        CoverageDTO d = new CoverageDTO();
        d.code = c.code;
        d.name = c.name;
        d.category = CoverageCategory.valueOf(c.category);
        d.limit = c.limit;
        d.deductible = c.deductible;
        d.premiumPart = c.premiumPart;
        d.effectiveFrom = c.effectiveFrom;
        d.effectiveTo = c.effectiveTo;
        d.insuredPartyId = Ids.format(c.insuredPartyId);
        if (c.assetType != null) {
            d.insuredAsset = new InsuredAssetDTO();
            d.insuredAsset.type = c.assetType;
            d.insuredAsset.description = c.assetDescription;
            d.insuredAsset.fields = readFields(c.assetFields);
        }
        return d;
    }

    public static CoverageValue toValue(CoverageDTO d, int revision) {
        CoverageValue c = new CoverageValue();
        c.revision = revision;
        c.code = d.code.strip();
        c.name = d.name.strip();
        c.category = d.category.name();
        c.limit = d.limit;
        c.deductible = d.deductible;
        c.premiumPart = d.premiumPart;
        c.effectiveFrom = d.effectiveFrom;
        c.effectiveTo = d.effectiveTo;
        c.insuredPartyId = Ids.parse(d.insuredPartyId).orElse(null);
        if (d.insuredAsset != null) {
            c.assetType = d.insuredAsset.type.strip();
            c.assetDescription = d.insuredAsset.description;
            c.assetFields = d.insuredAsset.fields == null || d.insuredAsset.fields.isEmpty() ? null : write(d.insuredAsset.fields);
        }
        return c;
    }

    public static PolicyParticipantDTO toDto(ParticipantValue p) {
        PolicyParticipantDTO d = new PolicyParticipantDTO();
        d.partyId = Ids.format(p.partyId);
        d.role = ParticipantRole.valueOf(p.role);
        d.sharePercent = p.sharePercent;
        d.from = p.from;
        d.thru = p.thru;
        d.minor = p.minor;
        return d;
    }

    public static ParticipantValue toValue(PolicyParticipantDTO d) {
        ParticipantValue p = new ParticipantValue();
        p.partyId = Ids.parse(d.partyId).orElseThrow();
        p.role = d.role.name();
        p.sharePercent = d.sharePercent;
        p.from = d.from;
        p.thru = d.thru;
        p.minor = d.minor;
        return p;
    }

    public static HealthDeclarationDTO readHealth(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, HealthDeclarationDTO.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable health declaration", e);
        }
    }

    public static String write(Object value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> readFields(String json) {
        if (json == null) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable asset fields", e);
        }
    }
}
