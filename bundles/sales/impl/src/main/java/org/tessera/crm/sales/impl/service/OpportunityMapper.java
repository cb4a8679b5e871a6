package org.tessera.crm.sales.impl.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

import org.tessera.crm.core.kit.CustomValuesJson;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.sales.api.CompetitorDTO;
import org.tessera.crm.sales.api.ContactRoleDTO;
import org.tessera.crm.sales.api.ForecastCategory;
import org.tessera.crm.sales.api.LineItemDTO;
import org.tessera.crm.sales.api.OpportunityDTO;
import org.tessera.crm.sales.api.OpportunityHistoryDTO;
import org.tessera.crm.sales.api.OpportunityStatus;
import org.tessera.crm.sales.impl.entity.CompetitorValue;
import org.tessera.crm.sales.impl.entity.ContactRoleValue;
import org.tessera.crm.sales.impl.entity.LineItemValue;
import org.tessera.crm.sales.impl.entity.OpportunityEntity;
import org.tessera.crm.sales.impl.entity.OpportunityHistoryEntity;
import org.tessera.crm.sales.impl.rules.Money;

/** Entity ↔ DTO for opportunities and their history; the DTO never leaves with an entity inside. */
final class OpportunityMapper {
    private OpportunityMapper() {
    }

    /** The client-writable fields of {@code in}, copied (server-owned ones dropped), strings trimmed. */
    static OpportunityDTO copyWritable(OpportunityDTO in) {
        OpportunityDTO c = new OpportunityDTO();
        c.accountId = trim(in.accountId);
        c.name = trim(in.name);
        c.pipelineId = trim(in.pipelineId);
        c.stage = trim(in.stage);
        c.probability = in.probability;
        c.amount = in.amount;
        c.currency = trim(in.currency);
        c.expectedCloseDate = in.expectedCloseDate;
        c.ownerId = trim(in.ownerId);
        c.campaignId = trim(in.campaignId);
        c.priceListId = trim(in.priceListId);
        c.nextStep = trim(in.nextStep);
        c.lostReason = trim(in.lostReason);
        for (ContactRoleDTO r : nonNull(in.contactRoles)) {
            ContactRoleDTO copy = new ContactRoleDTO();
            copy.partyId = trim(r.partyId);
            copy.role = trim(r.role);
            copy.primary = r.primary;
            c.contactRoles.add(copy);
        }
        for (CompetitorDTO x : nonNull(in.competitors)) {
            CompetitorDTO copy = new CompetitorDTO();
            copy.name = trim(x.name);
            copy.strengths = x.strengths;
            copy.weaknesses = x.weaknesses;
            c.competitors.add(copy);
        }
        for (LineItemDTO l : nonNull(in.lineItems)) {
            c.lineItems.add(copyLine(l));
        }
        c.customFields = in.customFields == null ? new LinkedHashMap<>() : new LinkedHashMap<>(in.customFields);
        return c;
    }

    static LineItemDTO copyLine(LineItemDTO l) {
        LineItemDTO copy = new LineItemDTO();
        copy.productId = trim(l.productId);
        copy.description = l.description;
        copy.quantity = l.quantity;
        copy.unitPrice = l.unitPrice;
        copy.discount = l.discount;
        return copy;
    }

    /** Copies a normalized candidate into the entity. */
    static void apply(OpportunityDTO c, OpportunityEntity e) {
        e.accountId = Long.valueOf(c.accountId);
        e.name = c.name;
        e.pipelineId = Long.valueOf(c.pipelineId);
        e.stage = c.stage;
        e.probability = c.probability;
        e.forecastCategory = c.forecastCategory.name();
        e.status = c.status.name();
        e.amount = c.amount;
        e.currency = c.currency;
        e.expectedCloseDate = c.expectedCloseDate;
        e.ownerId = c.ownerId == null ? null : Long.valueOf(c.ownerId);
        e.campaignId = c.campaignId;
        e.priceListId = c.priceListId == null ? null : Long.valueOf(c.priceListId);
        e.nextStep = c.nextStep;
        e.lostReason = c.lostReason;
        e.contactRoles.clear();
        for (ContactRoleDTO r : c.contactRoles) {
            ContactRoleValue v = new ContactRoleValue();
            v.partyId = Long.valueOf(r.partyId);
            v.role = r.role;
            v.primary = r.primary;
            e.contactRoles.add(v);
        }
        e.competitors.clear();
        for (CompetitorDTO x : c.competitors) {
            CompetitorValue v = new CompetitorValue();
            v.name = x.name;
            v.strengths = x.strengths;
            v.weaknesses = x.weaknesses;
            e.competitors.add(v);
        }
        e.lineItems.clear();
        c.lineItems.forEach(l -> e.lineItems.add(toValue(l)));
        e.customValues.clear();
        e.customValues.putAll(CustomValuesJson.encode(c.customFields));
        e.updatedAt = Instant.now();
    }

    static LineItemValue toValue(LineItemDTO l) {
        LineItemValue v = new LineItemValue();
        v.productId = Long.valueOf(l.productId);
        v.description = l.description;
        v.quantity = l.quantity;
        v.unitPrice = l.unitPrice;
        v.discount = l.discount;
        v.totalPrice = l.totalPrice;
        return v;
    }

    static LineItemDTO toDto(LineItemValue v, String currency) {
        LineItemDTO l = new LineItemDTO();
        l.productId = v.productId.toString();
        l.description = v.description;
        l.quantity = plain(v.quantity);
        l.unitPrice = plain(v.unitPrice);
        l.discount = v.discount == null ? null : plain(v.discount);
        l.totalPrice = Money.round(v.totalPrice, currency);
        return l;
    }

    static OpportunityDTO toDto(OpportunityEntity e) {
        OpportunityDTO d = new OpportunityDTO();
        d.id = e.id.toString();
        d.accountId = e.accountId.toString();
        d.name = e.name;
        d.pipelineId = e.pipelineId.toString();
        d.stage = e.stage;
        d.probability = e.probability;
        d.forecastCategory = ForecastCategory.valueOf(e.forecastCategory);
        d.status = OpportunityStatus.valueOf(e.status);
        d.amount = e.amount == null ? null : Money.round(e.amount, e.currency);
        d.expectedRevenue = d.amount == null ? null
                : Money.round(Money.percentOf(d.amount, BigDecimal.valueOf(e.probability)), e.currency);
        d.currency = e.currency;
        d.expectedCloseDate = e.expectedCloseDate;
        d.ownerId = Ids.format(e.ownerId);
        d.campaignId = e.campaignId;
        d.priceListId = Ids.format(e.priceListId);
        d.nextStep = e.nextStep;
        d.lostReason = e.lostReason;
        for (ContactRoleValue v : e.contactRoles) {
            ContactRoleDTO r = new ContactRoleDTO();
            r.partyId = v.partyId.toString();
            r.role = v.role;
            r.primary = v.primary;
            d.contactRoles.add(r);
        }
        for (CompetitorValue v : e.competitors) {
            CompetitorDTO x = new CompetitorDTO();
            x.name = v.name;
            x.strengths = v.strengths;
            x.weaknesses = v.weaknesses;
            d.competitors.add(x);
        }
        e.lineItems.forEach(v -> d.lineItems.add(toDto(v, e.currency)));
        d.customFields = CustomValuesJson.decode(e.customValues);
        d.version = e.version;
        d.createdAt = e.createdAt;
        d.updatedAt = e.updatedAt;
        return d;
    }

    static OpportunityHistoryDTO toDto(OpportunityHistoryEntity h) {
        OpportunityHistoryDTO d = new OpportunityHistoryDTO();
        d.id = h.id.toString();
        d.opportunityId = h.opportunityId.toString();
        d.changedAt = h.changedAt;
        d.changedBy = h.changedBy;
        d.changedFields = new ArrayList<>(Arrays.asList(h.changedFields.split(",")));
        d.stage = h.stage;
        d.amount = h.amount == null ? null : Money.round(h.amount, h.currency);
        d.currency = h.currency;
        d.probability = h.probability;
        d.expectedCloseDate = h.expectedCloseDate;
        d.forecastCategory = ForecastCategory.valueOf(h.forecastCategory);
        return d;
    }

    /** A stored decimal without the padding of its column scale: 2.0000 → 2. */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
