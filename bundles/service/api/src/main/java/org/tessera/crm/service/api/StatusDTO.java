package org.tessera.crm.service.api;

/** A configurable request status: its code, its category, and whether it stops the SLA clocks. */
public class StatusDTO {
    public String code;
    public String name;
    public StatusCategory category;
    /** A status such as "waiting for customer": the running milestones pause while the request is in it. */
    public boolean pausesSla;
    public int position;
}
