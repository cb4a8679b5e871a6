package org.tessera.crm.marketing.api;

/** The outcome of one run of an email send: nothing is dropped silently, each member is counted once. */
public class SendReportDTO {
    public long sent;
    public long bounced;
    public long failed;
    /** Opted out of email, without an email address, or on the suppression list. */
    public long suppressed;
    /** Members still to send (past this run's limit). */
    public long remaining;
}
