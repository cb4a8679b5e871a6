package org.tessera.crm.core.impl.webhook;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.webhook.WebhookEvents;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Delivers webhooks: one thread that fans the dispatched changes of the outbox out into
 * {@code webhook_delivery} rows, claims the due ones, POSTs them one after the other and records
 * each outcome — delivered, retried later with backoff, or dead after the last attempt. The claim
 * commits before the POST and the outcome after it, so a crash loses nothing: the claim runs out
 * and the delivery is taken again (a receiver may therefore see an event twice, with the same
 * {@code Tessera-Event-Id}). A subscription whose deliveries fail too often in a row is disabled,
 * with a {@link WebhookEvents#DISABLED} event in the same transaction. Every event posted on Event
 * Admin wakes the thread, so deliveries follow changes closely.
 */
@Component(service = {WebhookWorker.class, EventHandler.class}, immediate = true, configurationPid = WebhookConfig.PID,
        property = EventConstants.EVENT_TOPIC + "=org/tessera/crm/*")
@Designate(ocd = WebhookConfig.class)
public class WebhookWorker implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);
    private static final long MAX_IDLE_AFTER_FAILURE_MILLIS = 30_000;

    private final Tx tx;
    private final DomainEventPublisher events;
    private final AuditTrail audit;
    private final Deliverer sender;
    private final DeliveryPolicy policy;
    private final long pollMillis;
    private final Supplier<Instant> clock;
    private final Object monitor = new Object();
    private boolean nudged;
    private volatile boolean running;
    private Thread worker;

    @Activate
    public WebhookWorker(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, @Reference(name = "events") DomainEventPublisher events,
            @Reference(name = "audit") AuditTrail audit, WebhookConfig config) {
        this(tx, events, audit, new WebhookSender(new TargetAddresses(config), Duration.ofMillis(config.connectTimeoutMillis()),
                Duration.ofMillis(config.requestTimeoutMillis())), DeliveryPolicy.of(config), config.pollMillis(), Times::now);
        start();
    }

    /** For tests: not started; {@code clock} tells the time of claims and due dates. */
    WebhookWorker(Tx tx, DomainEventPublisher events, AuditTrail audit, Deliverer sender, DeliveryPolicy policy, long pollMillis,
            Supplier<Instant> clock) {
        this.tx = tx;
        this.events = events;
        this.audit = audit;
        this.sender = sender;
        this.policy = policy;
        this.pollMillis = pollMillis;
        this.clock = clock;
    }

    synchronized void start() {
        if (worker != null) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "tessera-webhooks");
        worker.setDaemon(true);
        worker.start();
    }

    @Deactivate
    synchronized void stop() {
        Thread stopping = worker;
        if (stopping == null) {
            return;
        }
        running = false;
        nudge();
        try {
            stopping.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
    }

    @Override
    public void handleEvent(Event event) {
        nudge();
    }

    void nudge() {
        synchronized (monitor) {
            nudged = true;
            monitor.notifyAll();
        }
    }

    /** Fans out one batch of dispatched changes: the number of changes examined. */
    int fanOutOnce() {
        return tx.required(em -> WebhookServiceImpl.sql(() -> new DeliveryTable(em.unwrap(Connection.class)).fanOut(policy.batchSize(), clock.get())));
    }

    /** Claims one batch of due deliveries and attempts each: the number attempted. */
    int deliverOnce() {
        Instant now = clock.get();
        List<Claimed> claimed = tx.required(em -> WebhookServiceImpl.sql(() -> new DeliveryTable(em.unwrap(Connection.class))
                .claim(policy.batchSize(), now, now.plus(policy.claim()))));
        for (Claimed delivery : claimed) {
            WebhookSender.Outcome outcome = sender.send(delivery, clock.get());
            record(delivery, outcome, clock.get());
        }
        return claimed.size();
    }

    private void record(Claimed delivery, WebhookSender.Outcome outcome, Instant at) {
        tx.required(em -> WebhookServiceImpl.sql(() -> {
            Connection connection = em.unwrap(Connection.class);
            DeliveryTable deliveries = new DeliveryTable(connection);
            SubscriptionTable subscriptions = new SubscriptionTable(connection);
            if (outcome.succeeded()) {
                if (deliveries.attempted(delivery.id(), outcome.status(), null, at, null)) {
                    subscriptions.succeeded(delivery.subscriptionId());
                }
                return null;
            }
            int attempt = delivery.attempts() + 1;
            Instant next = attempt >= policy.maxAttempts() ? null
                    : at.plusMillis(policy.backoff().delay(attempt, bound -> ThreadLocalRandom.current().nextLong(bound)));
            if (!deliveries.attempted(delivery.id(), outcome.status(), outcome.error(), at, next)) {
                return null; // another worker took it over after our claim ran out: its outcome counts
            }
            int failures = subscriptions.failed(delivery.subscriptionId());
            if (failures >= policy.disableAfterFailures()) {
                subscriptions.find(delivery.subscriptionId()).filter(Subscription::enabled).ifPresent(sub -> disable(em, connection,
                        subscriptions, sub, failures, outcome.error(), at));
            }
            return null;
        }));
    }

    private void disable(javax.persistence.EntityManager em, Connection connection, SubscriptionTable subscriptions, Subscription sub,
            int failures, String lastError, Instant at) {
        String reason = failures + " deliveries failed in a row; the last: " + lastError;
        Subscription disabled = sub.withState(false, reason.length() > 1000 ? reason.substring(0, 1000) : reason, failures, at,
                sub.version() + 1);
        if (!WebhookServiceImpl.sql(() -> subscriptions.update(disabled))) {
            return; // an administrator changed it meanwhile: their version stands
        }
        audit.record(em, WebhookEvents.ENTITY_TYPE, String.valueOf(sub.id()), AuditAction.UPDATE, AuditedWebhook.of(sub),
                AuditedWebhook.of(disabled), java.util.Set.of("secret"));
        Map<String, Object> properties = new java.util.HashMap<>(EventProperties.of(WebhookEvents.ENTITY_TYPE, String.valueOf(sub.id()),
                disabled.version()));
        properties.put(WebhookEvents.URL, sub.url());
        properties.put(WebhookEvents.REASON, disabled.disabledReason());
        events.record(connection, WebhookEvents.DISABLED, properties);
        LOG.warn("Webhook {} to {} disabled: {}", sub.id(), sub.url(), reason);
    }

    private void loop() {
        long failures = 0;
        while (running) {
            boolean busy = false;
            try {
                while (running && fanOutOnce() == policy.batchSize()) {
                    busy = true;
                }
                busy |= deliverOnce() == policy.batchSize();
                failures = 0;
            } catch (RuntimeException e) {
                failures++;
                LOG.warn("Webhook pass failed ({} in a row); retrying", failures, e);
            }
            if (!busy || failures > 0) {
                idle(failures);
            }
        }
    }

    private void idle(long failures) {
        synchronized (monitor) {
            if (nudged) {
                nudged = false;
                return;
            }
            try {
                monitor.wait(failures > 0 ? Math.min(pollMillis * failures, MAX_IDLE_AFTER_FAILURE_MILLIS) : pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            nudged = false;
        }
    }
}
