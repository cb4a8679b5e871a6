package org.tessera.crm.marketing.impl.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

import org.tessera.crm.core.kit.CustomValuesJson;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.marketing.api.CampaignDTO;
import org.tessera.crm.marketing.api.CampaignStatus;
import org.tessera.crm.marketing.api.CampaignType;
import org.tessera.crm.marketing.impl.entity.CampaignEntity;

/** Entity ↔ DTO for campaigns. */
final class CampaignMapper {
    private CampaignMapper() {
    }

    static CampaignDTO toDto(CampaignEntity e) {
        CampaignDTO d = new CampaignDTO();
        d.id = Ids.format(e.id);
        d.name = e.name;
        d.type = CampaignType.valueOf(e.type);
        d.status = CampaignStatus.valueOf(e.status);
        d.startDate = e.startDate;
        d.endDate = e.endDate;
        d.sourceCode = e.sourceCode;
        d.description = e.description;
        d.budgetedCost = e.budgetedCost;
        d.actualCost = e.actualCost;
        d.expectedRevenue = e.expectedRevenue;
        d.expectedResponsePercent = e.expectedResponsePercent;
        d.currency = e.currency;
        d.ownerId = Ids.format(e.ownerId);
        d.parentId = Ids.format(e.parentId);
        d.depth = e.depth;
        d.callScript = e.callScript;
        d.emailSubject = e.emailSubject;
        d.emailHtml = e.emailHtml;
        d.customFields = new LinkedHashMap<>(CustomValuesJson.decode(e.customValues));
        d.version = e.version;
        d.createdAt = e.createdAt;
        d.updatedAt = e.updatedAt;
        return d;
    }

    /** Copies the client-writable fields of a checked campaign. */
    static void copyWritable(CampaignDTO c, Long ownerId, Long parentId, CampaignEntity e) {
        e.name = c.name;
        e.type = c.type.name();
        e.status = c.status.name();
        e.startDate = c.startDate;
        e.endDate = c.endDate;
        e.sourceCode = c.sourceCode;
        e.description = c.description;
        e.budgetedCost = c.budgetedCost;
        e.actualCost = c.actualCost;
        e.expectedRevenue = c.expectedRevenue;
        e.expectedResponsePercent = c.expectedResponsePercent;
        e.currency = c.currency;
        e.ownerId = ownerId;
        e.parentId = parentId;
        e.callScript = c.callScript;
        e.emailSubject = c.emailSubject;
        e.emailHtml = c.emailHtml;
        e.customValues.clear();
        e.customValues.putAll(CustomValuesJson.encode(c.customFields));
    }

    /** The client-visible fields that differ. */
    static List<String> changedFields(CampaignDTO a, CampaignDTO b) {
        List<String> changed = new ArrayList<>();
        check(changed, "name", a.name, b.name);
        check(changed, "type", a.type, b.type);
        check(changed, "status", a.status, b.status);
        check(changed, "startDate", a.startDate, b.startDate);
        check(changed, "endDate", a.endDate, b.endDate);
        check(changed, "sourceCode", a.sourceCode, b.sourceCode);
        check(changed, "description", a.description, b.description);
        checkAmount(changed, "budgetedCost", a.budgetedCost, b.budgetedCost);
        checkAmount(changed, "actualCost", a.actualCost, b.actualCost);
        checkAmount(changed, "expectedRevenue", a.expectedRevenue, b.expectedRevenue);
        checkAmount(changed, "expectedResponsePercent", a.expectedResponsePercent, b.expectedResponsePercent);
        check(changed, "currency", a.currency, b.currency);
        check(changed, "ownerId", a.ownerId, b.ownerId);
        check(changed, "parentId", a.parentId, b.parentId);
        check(changed, "callScript", a.callScript, b.callScript);
        check(changed, "emailSubject", a.emailSubject, b.emailSubject);
        check(changed, "emailHtml", a.emailHtml, b.emailHtml);
        check(changed, "customFields", CustomValuesJson.encode(a.customFields), CustomValuesJson.encode(b.customFields));
        return changed;
    }

    private static void check(List<String> changed, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            changed.add(field);
        }
    }

    private static void checkAmount(List<String> changed, String field, java.math.BigDecimal a, java.math.BigDecimal b) {
        if (a == null ? b != null : b == null || a.compareTo(b) != 0) {
            changed.add(field);
        }
    }
}
