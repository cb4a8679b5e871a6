package org.tessera.crm.core.api;

/**
 * Names of the core entity types, as used by custom field definitions, validators, events and
 * activity links. Modules define their own (for example {@code OPPORTUNITY}).
 */
public final class EntityTypes {
    public static final String PARTY = "PARTY";
    public static final String ACTIVITY = "ACTIVITY";
    public static final String ORG_UNIT = "ORG_UNIT";
    public static final String AGENT = "AGENT";
    public static final String CUSTOM_FIELD = "CUSTOM_FIELD";
    public static final String PICKLIST = "PICKLIST";
    /** A duplicate rule, audited under its key. */
    public static final String DUPLICATE_RULE = "DUPLICATE_RULE";
    /** A security role and the permissions granted to it. */
    public static final String ROLE = "ROLE";
    /** A login's state (enabled or disabled), keyed by the login. */
    public static final String LOGIN = "LOGIN";

    private EntityTypes() {
    }
}
