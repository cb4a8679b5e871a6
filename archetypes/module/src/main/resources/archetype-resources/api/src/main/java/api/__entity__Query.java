package ${package}.api;

/** A page of ${entityLabel}s in id order, optionally of one party. */
public class ${entity}Query {
    /** Only the ${entityLabel}s of this party; {@code null} for all visible ones. */
    public String partyId;
    /** 1 to 200. */
    public int limit = 50;
    /** The {@code nextCursor} of the previous page; {@code null} for the first page. */
    public String cursor;
}
