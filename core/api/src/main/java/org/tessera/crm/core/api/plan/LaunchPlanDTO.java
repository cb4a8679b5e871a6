package org.tessera.crm.core.api.plan;

import java.time.Instant;

/** Launches a template on a record: its party (participant of every activity), its owner, and the start (now when absent). */
public class LaunchPlanDTO {
    public String templateCode;
    public String recordLink;
    public String partyId;
    public String ownerId;
    public Instant startAt;
}
