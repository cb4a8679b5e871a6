package org.tessera.crm.core.impl.webhook;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.StaleVersionException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RoleService;
import org.tessera.crm.core.api.webhook.WebhookDTO;
import org.tessera.crm.core.api.webhook.WebhookDeliveryDTO;
import org.tessera.crm.core.api.webhook.WebhookEvents;
import org.tessera.crm.core.api.webhook.WebhookFilterDTO;
import org.tessera.crm.core.api.webhook.WebhookService;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.db.IdBlocks;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.outbox.FeedPermissions;
import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Webhook subscriptions in {@code webhook_subscription}, audited in their transaction, and their
 * delivery log. A subscription carries only types its writer may read in the change feed.
 */
@Component(configurationPid = WebhookConfig.PID)
public class WebhookServiceImpl implements WebhookService {
    /** The widest replay of a time range, in deliveries. */
    static final int MAX_REPLAY = 10_000;
    private static final Set<String> SENSITIVE = Set.of("secret");

    private final Tx tx;
    private final CallerContext callers;
    private final RoleService roles;
    private final AuditTrail audit;
    /** Replaced when the configuration changes, without restarting the component (and the REST resource that uses it). */
    private volatile TargetAddresses targets;

    @Activate
    public WebhookServiceImpl(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, @Reference(name = "callers") CallerContext callers,
            @Reference(name = "roles") RoleService roles, @Reference(name = "audit") AuditTrail audit, WebhookConfig config) {
        this(tx, callers, roles, audit, new TargetAddresses(config));
    }

    WebhookServiceImpl(Tx tx, CallerContext callers, RoleService roles, AuditTrail audit, TargetAddresses targets) {
        this.tx = tx;
        this.callers = callers;
        this.roles = roles;
        this.audit = audit;
        this.targets = targets;
    }

    @Modified
    void modified(WebhookConfig config) {
        targets = new TargetAddresses(config);
    }

    @Override
    public List<WebhookDTO> list() {
        return tx.required(em -> sql(() -> new SubscriptionTable(connection(em)).list(false).stream().map(WebhookServiceImpl::toDto).toList()));
    }

    @Override
    public Optional<WebhookDTO> find(String id) {
        Long key = parse(id);
        if (key == null) {
            return Optional.empty();
        }
        return tx.required(em -> sql(() -> new SubscriptionTable(connection(em)).find(key).map(WebhookServiceImpl::toDto)));
    }

    @Override
    public WebhookDTO create(WebhookDTO input) {
        validate(input, true);
        return tx.required(em -> sql(() -> {
            Connection connection = connection(em);
            Instant now = Times.now();
            Subscription sub = new Subscription(new IdBlocks(connection).next("webhook_seq"), input.url, List.copyOf(input.types),
                    actions(input.filter), fields(input.filter), input.secret, input.enabled == null || input.enabled, null, 0,
                    callers.currentLogin(), now, now, 1);
            new SubscriptionTable(connection).insert(sub);
            audit.record(em, WebhookEvents.ENTITY_TYPE, String.valueOf(sub.id()), AuditAction.CREATE, null, AuditedWebhook.of(sub), SENSITIVE);
            return toDto(sub);
        }));
    }

    @Override
    public WebhookDTO update(String id, Long expectedVersion, WebhookDTO input) {
        long key = existing(id);
        validate(input, false);
        return tx.required(em -> sql(() -> {
            SubscriptionTable table = new SubscriptionTable(connection(em));
            Subscription previous = table.find(key).orElseThrow(() -> new NotFoundException(WebhookEvents.ENTITY_TYPE, id));
            if (expectedVersion != null && expectedVersion != previous.version()) {
                throw new StaleVersionException(WebhookEvents.ENTITY_TYPE, id, expectedVersion, previous.version());
            }
            boolean enabled = input.enabled == null ? previous.enabled() : input.enabled;
            boolean reEnabled = enabled && !previous.enabled();
            Subscription next = new Subscription(key, input.url, List.copyOf(input.types), actions(input.filter), fields(input.filter),
                    input.secret == null ? previous.secret() : input.secret, enabled, enabled ? null : previous.disabledReason(),
                    reEnabled ? 0 : previous.consecutiveFailures(), previous.createdBy(), previous.createdAt(), Times.now(),
                    previous.version() + 1);
            if (!table.update(next)) {
                throw new StaleVersionException(WebhookEvents.ENTITY_TYPE, id, previous.version(), -1);
            }
            audit.record(em, WebhookEvents.ENTITY_TYPE, id, AuditAction.UPDATE, AuditedWebhook.of(previous), AuditedWebhook.of(next), SENSITIVE);
            return toDto(next);
        }));
    }

    @Override
    public void delete(String id, Long expectedVersion) {
        long key = existing(id);
        tx.required(em -> sql(() -> {
            SubscriptionTable table = new SubscriptionTable(connection(em));
            Subscription previous = table.find(key).orElseThrow(() -> new NotFoundException(WebhookEvents.ENTITY_TYPE, id));
            if (expectedVersion != null && expectedVersion != previous.version()) {
                throw new StaleVersionException(WebhookEvents.ENTITY_TYPE, id, expectedVersion, previous.version());
            }
            table.delete(key);
            audit.record(em, WebhookEvents.ENTITY_TYPE, id, AuditAction.DELETE, AuditedWebhook.of(previous), null, SENSITIVE);
            return null;
        }));
    }

    @Override
    public List<WebhookDeliveryDTO> deliveries(String id, String state, String beforeId, int limit) {
        long key = existing(id);
        if (state != null && !DeliveryTable.STATES.contains(state)) {
            throw new ValidationException(FieldError.invalid("state", "one of " + String.join(", ", DeliveryTable.STATES)));
        }
        if (limit < 1 || limit > MAX_DELIVERIES) {
            throw new ValidationException(FieldError.invalid("limit", "must be from 1 to " + MAX_DELIVERIES));
        }
        Long before = beforeId == null ? null : parse(beforeId);
        if (beforeId != null && before == null) {
            throw new ValidationException(FieldError.invalid("before", "must be the id of a delivery"));
        }
        return tx.required(em -> sql(() -> {
            Connection connection = connection(em);
            new SubscriptionTable(connection).find(key).orElseThrow(() -> new NotFoundException(WebhookEvents.ENTITY_TYPE, id));
            return new DeliveryTable(connection).list(key, state, before, limit);
        }));
    }

    @Override
    public WebhookDeliveryDTO replay(String id, String deliveryId) {
        long key = existing(id);
        Long delivery = parse(deliveryId);
        return tx.required(em -> sql(() -> {
            DeliveryTable deliveries = new DeliveryTable(connection(em));
            WebhookDeliveryDTO found = delivery == null ? null : deliveries.find(key, delivery).orElse(null);
            if (found == null) {
                throw new NotFoundException("WEBHOOK_DELIVERY", deliveryId);
            }
            if (!deliveries.requeue(key, delivery, Times.now())) {
                throw new ValidationException(FieldError.invalid("deliveryId", "the delivery is " + found.state
                        + ": only a dead or delivered one is replayed"));
            }
            return deliveries.find(key, delivery).orElseThrow();
        }));
    }

    @Override
    public int replay(String id, Instant from, Instant to) {
        long key = existing(id);
        if (from == null || to == null) {
            throw new ValidationException(from == null ? FieldError.required("from") : FieldError.required("to"));
        }
        if (!from.isBefore(to)) {
            throw new ValidationException(FieldError.invalid("to", "must be after from"));
        }
        return tx.required(em -> sql(() -> {
            Connection connection = connection(em);
            Subscription sub = new SubscriptionTable(connection).find(key)
                    .orElseThrow(() -> new NotFoundException(WebhookEvents.ENTITY_TYPE, id));
            int queued = new DeliveryTable(connection).queueRange(sub, from, to, MAX_REPLAY, Times.now());
            if (queued < 0) {
                throw new ValidationException(FieldError.invalid("to", "more than " + MAX_REPLAY
                        + " changes in the range: replay a narrower one"));
            }
            return queued;
        }));
    }

    private void validate(WebhookDTO input, boolean create) {
        List<FieldError> errors = WebhookRules.errors(input, create, targets, new FeedPermissions(roles.declaredPermissions()),
                callers::permits);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static long existing(String id) {
        Long key = parse(id);
        if (key == null) {
            throw new NotFoundException(WebhookEvents.ENTITY_TYPE, id);
        }
        return key;
    }

    private static Long parse(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.valueOf(id);
    }

    private static List<String> actions(WebhookFilterDTO filter) {
        return filter == null || filter.actions == null ? List.of() : List.copyOf(filter.actions);
    }

    private static List<String> fields(WebhookFilterDTO filter) {
        return filter == null || filter.changedFields == null ? List.of() : List.copyOf(filter.changedFields);
    }

    static WebhookDTO toDto(Subscription sub) {
        WebhookDTO dto = new WebhookDTO();
        dto.id = String.valueOf(sub.id());
        dto.url = sub.url();
        dto.types = sub.types();
        if (!sub.actions().isEmpty() || !sub.changedFields().isEmpty()) {
            dto.filter = new WebhookFilterDTO();
            dto.filter.actions = sub.actions();
            dto.filter.changedFields = sub.changedFields();
        }
        dto.enabled = sub.enabled();
        dto.disabledReason = sub.disabledReason();
        dto.consecutiveFailures = sub.consecutiveFailures();
        dto.createdBy = sub.createdBy();
        dto.createdAt = sub.createdAt();
        dto.updatedAt = sub.updatedAt();
        dto.version = sub.version();
        return dto; // never the secret
    }

    private static Connection connection(EntityManager em) {
        return em.unwrap(Connection.class);
    }

    /** JDBC work whose SQLException is a fault of the database, not of the caller. */
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    static <T> T sql(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new IllegalStateException("webhook tables: " + e.getMessage(), e);
        }
    }
}
