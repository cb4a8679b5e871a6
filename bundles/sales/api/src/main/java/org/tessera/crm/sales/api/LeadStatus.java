package org.tessera.crm.sales.api;

/** Where a lead stands: NEW → WORKING → QUALIFIED → CONVERTED, or DISQUALIFIED (with a reason). */
public enum LeadStatus {
    NEW, WORKING, QUALIFIED, CONVERTED, DISQUALIFIED
}
