package org.tessera.crm.core.api.privacy;

import java.time.Instant;

/** A legal hold on a party: while it is set, the party's personal data cannot be erased. */
public class LegalHoldDTO {
    public String partyId;
    public boolean active;
    /** Why the hold is set (a case reference, a dispute…); required to set it. */
    public String reason;
    public String setBy;
    public Instant setAt;
}
