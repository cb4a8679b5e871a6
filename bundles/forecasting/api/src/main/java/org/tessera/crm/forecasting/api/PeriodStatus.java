package org.tessera.crm.forecasting.api;

/** An open period takes submits and adjustments; a closed (locked) one keeps what was submitted. */
public enum PeriodStatus {
    OPEN, CLOSED
}
