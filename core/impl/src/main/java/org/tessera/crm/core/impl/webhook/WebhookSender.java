package org.tessera.crm.core.impl.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * POSTs a delivery with the JDK's client: the target is checked again first (its name may resolve
 * elsewhere now), redirects are not followed (they could lead anywhere), and any 2xx is a success.
 */
final class WebhookSender implements Deliverer {
    static final String EVENT_ID = "Tessera-Event-Id";
    static final String DELIVERY_ID = "Tessera-Delivery-Id";
    static final String ATTEMPT = "Tessera-Delivery-Attempt";

    /** What an attempt gave: the status when the receiver answered, the error when it failed. */
    record Outcome(Integer status, String error) {
        boolean succeeded() {
            return error == null;
        }
    }

    private final HttpClient client;
    private final TargetAddresses targets;
    private final Duration requestTimeout;

    WebhookSender(TargetAddresses targets, Duration connectTimeout, Duration requestTimeout) {
        this.targets = targets;
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Outcome send(Claimed delivery, Instant now) {
        Optional<String> refused = targets.refusal(delivery.url());
        if (refused.isPresent()) {
            return new Outcome(null, "target refused: url " + refused.get());
        }
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Tessera-Webhooks")
                .header(EVENT_ID, String.valueOf(delivery.eventId()))
                .header(DELIVERY_ID, String.valueOf(delivery.id()))
                .header(ATTEMPT, String.valueOf(delivery.attempts() + 1))
                .header(WebhookSignature.HEADER, WebhookSignature.header(delivery.secret(), now.getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? new Outcome(status, null) : new Outcome(status, "the receiver answered " + status);
        } catch (IOException e) {
            return new Outcome(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        }
    }
}
