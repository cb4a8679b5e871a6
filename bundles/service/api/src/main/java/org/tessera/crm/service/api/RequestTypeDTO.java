package org.tessera.crm.service.api;

/** A request type and its numbering: prefix and width, e.g. {@code SR-} and 6 give {@code SR-000123}. */
public class RequestTypeDTO {
    public String code;
    public String name;
    public String prefix;
    public int width = 6;
    /** The next number the sequence will give (server-owned once created). */
    public long nextNumber;
    public long version;
}
