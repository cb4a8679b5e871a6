package org.tessera.crm.core.api.party;

import java.time.LocalDate;

/**
 * A typed, dated relationship from one party to another: {@code EMPLOYEE_OF}, {@code CONTACT_OF},
 * {@code MEMBER_OF_HOUSEHOLD}, {@code SUBSIDIARY_OF}, {@code ASSISTANT_OF}… Types are the values of
 * the {@link #PICKLIST} picklist, which modules extend.
 */
public class PartyRelationshipDTO {
    /** Key of the picklist holding the accepted relationship types. */
    public static final String PICKLIST = "party-relationship-type";

    public String id;
    public String type;
    public String fromPartyId;
    public String toPartyId;
    public LocalDate from;
    /** End of the relationship, exclusive; {@code null} while it lasts. */
    public LocalDate thru;
    public long version;
}
