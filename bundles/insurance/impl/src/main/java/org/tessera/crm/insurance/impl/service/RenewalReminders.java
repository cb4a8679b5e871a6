package org.tessera.crm.insurance.impl.service;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

import org.tessera.crm.core.api.activity.ActivityStatus;
import org.tessera.crm.core.api.imports.ImportedActivityDTO;
import org.tessera.crm.insurance.api.Insurance;

/**
 * The agent's planned reminder of a renewal: a core activity of type {@link Insurance#RENEWAL_ACTIVITY}
 * due N days before the old term expires, with the policyholder as participant, linked to both
 * terms, and an external id (the new term's) so that a run replayed plans nothing twice.
 */
final class RenewalReminders {
    static final String SOURCE = "insurance-renewal";

    private RenewalReminders() {
    }

    static ImportedActivityDTO of(String newTermId, String oldTermId, String number, String agentId, String holderPartyId, LocalDate due) {
        ImportedActivityDTO a = new ImportedActivityDTO();
        a.type = Insurance.RENEWAL_ACTIVITY;
        a.subject = "Renewal of policy " + number;
        a.status = ActivityStatus.PLANNED;
        a.dueAt = due.atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC);
        a.ownerId = agentId;
        a.assigneeId = agentId;
        a.participants.add(holderPartyId);
        a.links.add(Insurance.policyLink(newTermId));
        if (oldTermId != null) {
            a.links.add(Insurance.policyLink(oldTermId));
        }
        a.externalIds.put(SOURCE, newTermId);
        return a;
    }
}
