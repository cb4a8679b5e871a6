package org.tessera.crm.core.api.privacy;

import java.time.Instant;

/**
 * A party's consent for one purpose (e.g. {@code marketing}) on one channel ({@code EMAIL},
 * {@code PHONE}, {@code POSTAL}, {@code SMS}, {@code WEB}). A derived consent is the view of a contact
 * mechanism's opt-out flag (purpose {@value #ANY_PURPOSE}): it is changed through the party.
 */
public class ConsentDTO {
    /** The purpose of a consent derived from opt-out flags, which hold for every purpose. */
    public static final String ANY_PURPOSE = "any";

    public String id;
    public String partyId;
    public String purpose;
    public String channel;
    public ConsentStatus status;
    /** When the consent was given or withdrawn (defaults to the time of the request). */
    public Instant capturedAt;
    /** Where it was captured: a web form, an unsubscribe link, a call… */
    public String source;
    /** True for the view of an opt-out flag; false for a recorded consent. */
    public boolean derived;
    public long version;
}
