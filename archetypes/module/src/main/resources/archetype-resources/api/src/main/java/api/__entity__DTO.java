package ${package}.api;

import java.time.Instant;

/**
 * A ${entityLabel} of a party. {@code id}, {@code version}, {@code createdAt} and
 * {@code updatedAt} are the server's; the others are written by clients.
 */
public class ${entity}DTO {
    public String id;
    /** The party the ${entityLabel} belongs to: it is visible to whoever may see that party. */
    public String partyId;
    public String name;
    public String description;
    public long version;
    public Instant createdAt;
    public Instant updatedAt;
}
