package org.tessera.crm.core.api.org;

/** A user of the CRM who owns and works records: a sales rep, a counter agent, a manager. */
public class AgentDTO {
    public String id;
    /** Unique login name, the one the user authenticates with. */
    public String login;
    public String displayName;
    public String email;
    public String orgUnitId;
    public boolean active = true;
    public long version;
}
