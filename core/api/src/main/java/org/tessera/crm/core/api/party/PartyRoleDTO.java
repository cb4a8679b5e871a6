package org.tessera.crm.core.api.party;

import java.time.LocalDate;

/** A typed, dated role a party plays (customer, supplier, employee…); history is kept, not overwritten. */
public class PartyRoleDTO {
    public String id;
    public String partyId;
    /** Role type code, for example {@code CUSTOMER} or {@code EMPLOYEE}. */
    public String type;
    public LocalDate from;
    /** End of the role, exclusive; {@code null} while it lasts. */
    public LocalDate thru;
}
