package org.tessera.crm.marketing.api;

/** planned → active → completed or aborted (and planned → aborted). */
public enum CampaignStatus {
    PLANNED, ACTIVE, COMPLETED, ABORTED
}
