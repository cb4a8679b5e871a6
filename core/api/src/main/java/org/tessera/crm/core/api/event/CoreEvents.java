package org.tessera.crm.core.api.event;

/**
 * Event Admin topics and properties of core domain events. Every module follows the same shape,
 * {@code org/tessera/crm/<module>/<entity>/<ACTION>}, and the same properties. Events are posted
 * by the outbox dispatcher once the transaction that recorded them has committed
 * ({@link DomainEventPublisher#record}).
 */
public final class CoreEvents {
    /** Property: id of the record, a String. */
    public static final String ID = "id";
    /** Property: entity type, for example {@code PARTY}. */
    public static final String ENTITY_TYPE = "entityType";
    /** Property: version of the record after the change, a Long (absent on delete). */
    public static final String VERSION = "version";
    /** Property: names of the fields that changed, a String[] (on update). */
    public static final String CHANGED_FIELDS = "changedFields";
    /** Property: login of the user who made the change, when known. */
    public static final String USER = "user";

    public static final String PARTY_CREATED = "org/tessera/crm/core/party/CREATED";
    public static final String PARTY_UPDATED = "org/tessera/crm/core/party/UPDATED";
    public static final String PARTY_DELETED = "org/tessera/crm/core/party/DELETED";
    public static final String ACTIVITY_CREATED = "org/tessera/crm/core/activity/CREATED";
    public static final String ACTIVITY_UPDATED = "org/tessera/crm/core/activity/UPDATED";
    public static final String ACTIVITY_DELETED = "org/tessera/crm/core/activity/DELETED";
    /** Every core topic, for a subscriber: {@code org/tessera/crm/core/*}. */
    public static final String ALL_CORE = "org/tessera/crm/core/*";

    private CoreEvents() {
    }

    /** The topic of a module's event: {@code topic("sales", "opportunity", "WON")}. */
    public static String topic(String module, String entity, String action) {
        return "org/tessera/crm/" + module + "/" + entity + "/" + action;
    }
}
