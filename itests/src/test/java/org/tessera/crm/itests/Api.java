package org.tessera.crm.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A small HTTP client for the Tessera REST API, used from inside the container like any client. */
final class Api {
    static final String JSON = "application/json";
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One HTTP exchange: status, headers and the body parsed as JSON when it is JSON. */
    record Response(int status, HttpResponse<String> raw, JsonNode json) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return Optional.ofNullable(header("Content-Type")).orElse("");
        }

        @Override
        public String toString() {
            // an assertion message that shows a 500 shows its logged cause too
            return status + " " + raw.body() + (status >= 500 ? "\n" + ServerLog.causesOf(raw.body()) : "");
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    /** The Authorization header sent with every request, or null. */
    private final String authorization;

    /** A client logged in as the demo administrator, who has every permission. */
    Api() {
        this(basic("admin", "admin"));
    }

    private Api(String authorization) {
        this.base = "http://localhost:" + System.getProperty(TesseraContainer.HTTP_PORT_PROPERTY) + "/tessera/api";
        this.authorization = authorization;
    }

    /** A client that sends no credentials. */
    static Api anonymous() {
        return new Api(null);
    }

    /** A client logged in with HTTP Basic. */
    static Api as(String login, String password) {
        return new Api(basic(login, password));
    }

    /** A client presenting a bearer token. */
    static Api bearer(String token) {
        return new Api("Bearer " + token);
    }

    static String basic(String login, String password) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((login + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return path.startsWith("http") ? path : base + path;
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    Response get(String path, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header(header, value).GET());
    }

    Response post(String path, Object body) {
        return sendBody("POST", path, body, JSON, null);
    }

    Response patch(String path, Object body, String ifMatch) {
        return sendBody("PATCH", path, body, MERGE_PATCH, ifMatch);
    }

    Response put(String path, Object body, String ifMatch) {
        return sendBody("PUT", path, body, JSON, ifMatch);
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).DELETE());
    }

    /** DELETE with an {@code If-Match} precondition. */
    Response delete(String path, String ifMatch) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("If-Match", ifMatch).DELETE());
    }

    /** Any method, any content type, a raw or JSON body; {@code ifMatch} may be null. */
    Response sendBody(String method, String path, Object body, String contentType, String ifMatch) {
        String text = body instanceof String s ? s : toJson(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, HttpRequest.BodyPublishers.ofString(text))
                .header("Content-Type", contentType);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    private Response send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = contentType.contains("json") && !response.body().isEmpty()
                    ? parse(response.body()) : MissingNode.getInstance();
            return new Response(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the API answers its health check, at most {@code seconds}. */
    void awaitHealthy(int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Response last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = get("/v1/health");
                if (last.status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // the HTTP service is still starting
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        throw new AssertionError("API not healthy after " + seconds + " s; last answer: " + last);
    }

    private static String toJson(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
