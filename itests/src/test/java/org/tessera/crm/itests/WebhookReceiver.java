package org.tessera.crm.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback, started by a test: keeps every request (headers and body) and
 * answers the status the test sets.
 */
final class WebhookReceiver implements AutoCloseable {
    /** One request received. */
    record Received(String signature, String eventId, String attempt, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("Tessera-Signature"),
                        exchange.getRequestHeaders().getFirst("Tessera-Event-Id"),
                        exchange.getRequestHeaders().getFirst("Tessera-Delivery-Attempt"),
                        new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void answer(int code) {
        status.set(code);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> forEvent(String eventId) {
        return received.stream().filter(request -> eventId.equals(request.eventId())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
