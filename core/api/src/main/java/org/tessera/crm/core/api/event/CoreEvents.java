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
    /**
     * Property: {@code true} on the copy of an event that a node posts for a change another node
     * dispatched. With several nodes, each posts every event once: the node that dispatched it
     * without this property, every other node with it, so that a subscriber keeping state in its
     * node (a cache, a push channel) hears every change. A subscriber doing durable work (writing a
     * record, sending a message) must do it once in the cluster: it registers with
     * {@link #ONCE_PER_CLUSTER} as its {@code event.filter}.
     */
    public static final String REPLICA = "tessera.replica";
    /** Event filter of a subscriber that must hear each event once in the whole cluster: {@value}. */
    public static final String ONCE_PER_CLUSTER = "(!(" + REPLICA + "=true))";

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
