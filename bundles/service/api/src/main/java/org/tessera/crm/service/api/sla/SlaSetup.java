package org.tessera.crm.service.api.sla;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Calendars and policies of the SLA engine. */
@ProviderType
public interface SlaSetup {
    List<CalendarDTO> calendars();

    CalendarDTO putCalendar(CalendarDTO calendar);

    /** The current version of each policy, by position. */
    List<SlaPolicyDTO> policies();

    /** Stores a new version of the policy; running milestones keep theirs. */
    SlaPolicyDTO putPolicy(SlaPolicyDTO policy);
}
