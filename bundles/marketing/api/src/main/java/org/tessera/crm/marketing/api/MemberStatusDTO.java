package org.tessera.crm.marketing.api;

/** One status of a campaign's own ordered list; {@code responded} says whether a member in it counts as a response. */
public class MemberStatusDTO {
    public String code;
    public String label;
    public boolean responded;
    /** Exactly one status of a campaign is the default, given to new members. */
    public boolean isDefault;
    public int sortOrder;
    /** Members in this status (read-only). */
    public long members;
}
