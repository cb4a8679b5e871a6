package org.tessera.crm.insurance.impl.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.spi.TimelineContributor;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineQuery;
import org.tessera.crm.insurance.api.Insurance;
import org.tessera.crm.insurance.impl.entity.ClaimEntity;
import org.tessera.crm.insurance.impl.entity.PolicyEntity;
import org.tessera.crm.insurance.impl.entity.RevisionValue;

/**
 * A party's insurance history in its timeline: each term issued (or renewed), endorsed and
 * cancelled, each claim reported and settled.
 */
@Component(property = TimelineContributor.KINDS + "=" + Insurance.POLICY + "," + Insurance.CLAIM)
public class InsuranceTimelineContributor implements TimelineContributor {
    private final PartyRecords records;

    @Activate
    public InsuranceTimelineContributor(@Reference PartyRecords records) {
        this.records = records;
    }

    @Override
    public List<TimelineEntryDTO> entries(TimelineQuery query) {
        PartyRecords.Records found = records.of(query.partyId);
        List<TimelineEntryDTO> entries = new ArrayList<>();
        for (PolicyEntity p : found.policies()) {
            for (RevisionValue r : p.revisions) {
                boolean first = r.revision == 0;
                String what = !first ? "endorsed" : p.renewedFromId != null ? "renewed" : "issued";
                entries.add(policyEntry(p, "-r" + r.revision, at(r.validFrom), "Policy " + p.number + " " + what,
                        first ? p.lineOfBusiness + " · " + p.effectiveDate + " – " + p.expiryDate : r.reason, what.toUpperCase()));
            }
            if (p.cancellationDate != null) {
                entries.add(policyEntry(p, "-cancelled", at(p.cancellationDate), "Policy " + p.number + " cancelled", p.cancellationReason,
                        "CANCELLED"));
            }
        }
        for (ClaimEntity c : found.claims()) {
            entries.add(claimEntry(c, "-reported", at(c.reportedDate), "Claim " + c.number + " reported", c.type + " on " + c.lossDate,
                    "REPORTED"));
            if (!c.payments.isEmpty()) {
                LocalDate last = c.payments.get(c.payments.size() - 1).paidOn;
                entries.add(claimEntry(c, "-settled", at(last), "Claim " + c.number + " settled",
                        c.payments.size() + " payment(s)", c.status));
            }
        }
        entries.removeIf(e -> !query.admits(e));
        entries.sort(Comparator.comparing((TimelineEntryDTO e) -> e.occurredAt).thenComparing(e -> e.id).reversed());
        return entries.size() > query.limit ? entries.subList(0, query.limit) : entries;
    }

    private static Instant at(LocalDate date) {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static TimelineEntryDTO policyEntry(PolicyEntity p, String suffix, Instant at, String title, String summary, String status) {
        TimelineEntryDTO e = new TimelineEntryDTO();
        e.id = Insurance.policyLink(String.valueOf(p.id)) + suffix;
        e.source = Insurance.MODULE;
        e.kind = Insurance.POLICY;
        e.occurredAt = at;
        e.title = title;
        e.summary = summary;
        e.status = status;
        e.href = "/insurance/policies/" + p.id;
        return e;
    }

    private static TimelineEntryDTO claimEntry(ClaimEntity c, String suffix, Instant at, String title, String summary, String status) {
        TimelineEntryDTO e = new TimelineEntryDTO();
        e.id = Insurance.claimLink(String.valueOf(c.id)) + suffix;
        e.source = Insurance.MODULE;
        e.kind = Insurance.CLAIM;
        e.occurredAt = at;
        e.title = title;
        e.summary = summary;
        e.status = status;
        e.href = "/insurance/claims/" + c.id;
        return e;
    }
}
