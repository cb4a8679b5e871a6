package org.tessera.crm.sales.impl.service;

import java.util.LinkedHashMap;

import org.tessera.crm.core.kit.CustomValuesJson;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.sales.api.LeadDTO;
import org.tessera.crm.sales.api.LeadStatus;
import org.tessera.crm.sales.api.NextAction;
import org.tessera.crm.sales.impl.entity.LeadEntity;

final class LeadMapper {
    private LeadMapper() {
    }

    static LeadDTO toDto(LeadEntity e) {
        LeadDTO d = new LeadDTO();
        d.id = e.id.toString();
        d.partyId = e.partyId.toString();
        d.firstName = e.firstName;
        d.lastName = e.lastName;
        d.email = e.email;
        d.phone = e.phone;
        d.companyName = e.companyName;
        d.jobTitle = e.jobTitle;
        d.source = e.source;
        d.rating = e.rating;
        d.status = LeadStatus.valueOf(e.status);
        d.disqualifiedReason = e.disqualifiedReason;
        d.lastOutcome = e.lastOutcome;
        d.lastOutcomeAt = e.lastOutcomeAt;
        d.nextAction = e.nextAction == null ? null : NextAction.valueOf(e.nextAction);
        d.nextActionAt = e.nextActionAt;
        d.nextActivityId = Ids.format(e.nextActivityId);
        d.ownerId = Ids.format(e.ownerId);
        d.campaignId = e.campaignId;
        d.convertedContactId = Ids.format(e.convertedContactId);
        d.convertedAccountId = Ids.format(e.convertedAccountId);
        d.convertedOpportunityId = Ids.format(e.convertedOpportunityId);
        d.convertedAt = e.convertedAt;
        d.customFields = CustomValuesJson.decode(e.customValues);
        d.version = e.version;
        d.createdAt = e.createdAt;
        d.updatedAt = e.updatedAt;
        return d;
    }

    /** Copies the client-writable fields of a checked candidate into the entity. */
    static void apply(LeadDTO c, LeadEntity e) {
        e.firstName = c.firstName;
        e.lastName = c.lastName;
        e.email = c.email;
        e.phone = c.phone;
        e.companyName = c.companyName;
        e.jobTitle = c.jobTitle;
        e.source = c.source;
        e.rating = c.rating;
        e.status = c.status.name();
        e.disqualifiedReason = c.disqualifiedReason;
        e.nextAction = c.nextAction == null ? null : c.nextAction.name();
        e.nextActionAt = c.nextActionAt;
        e.ownerId = c.ownerId == null ? null : Long.valueOf(c.ownerId);
        e.campaignId = c.campaignId;
        e.customValues.clear();
        e.customValues.putAll(CustomValuesJson.encode(c.customFields));
    }

    static LeadDTO copyWritable(LeadDTO in) {
        LeadDTO c = new LeadDTO();
        c.partyId = OpportunityMapper.trim(in.partyId);
        c.firstName = OpportunityMapper.trim(in.firstName);
        c.lastName = OpportunityMapper.trim(in.lastName);
        c.email = OpportunityMapper.trim(in.email);
        c.phone = OpportunityMapper.trim(in.phone);
        c.companyName = OpportunityMapper.trim(in.companyName);
        c.jobTitle = OpportunityMapper.trim(in.jobTitle);
        c.source = OpportunityMapper.trim(in.source);
        c.rating = OpportunityMapper.trim(in.rating);
        c.status = in.status;
        c.disqualifiedReason = OpportunityMapper.trim(in.disqualifiedReason);
        c.nextAction = in.nextAction;
        c.nextActionAt = in.nextActionAt;
        c.ownerId = OpportunityMapper.trim(in.ownerId);
        c.campaignId = OpportunityMapper.trim(in.campaignId);
        c.customFields = in.customFields == null ? new LinkedHashMap<>() : new LinkedHashMap<>(in.customFields);
        return c;
    }
}
