package org.tessera.crm.core.api.org;

/** A node of the org tree: an agency, a region, a territory. Records are owned by one. */
public class OrgUnitDTO {
    public String id;
    /** Unique short code, for example {@code PARIS-01}. */
    public String code;
    public String name;
    /** Parent unit, {@code null} for a root. */
    public String parentId;
    public long version;
}
