package org.tessera.crm.examples.dealer.api;

import java.time.Instant;

/** A test drive of a vehicle by a party; it is stored as a core activity linked to the vehicle. */
public class TestDriveDTO {
    /** The party who drives; a prospect or a customer. */
    public String partyId;
    public Instant startAt;
    public Instant endAt;
    /** The agent who accompanies the drive. */
    public String agentId;
    /** Outcome code of the core {@code activity-outcome} picklist, such as {@code MEETING_SET}. */
    public String outcome;
    public String notes;
}
