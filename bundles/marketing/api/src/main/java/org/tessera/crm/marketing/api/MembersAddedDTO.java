package org.tessera.crm.marketing.api;

/** What a bulk addition did: every party asked for is counted once in one of the three. */
public class MembersAddedDTO {
    public long added;
    /** Already members: adding again changes nothing. */
    public long alreadyMembers;
    /** Ids that name no party the caller may see. */
    public long notFound;
}
