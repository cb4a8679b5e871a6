package org.tessera.crm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JDK HTTP client with the benchmark's credentials: HTTP Basic (a JAAS login per request), or a
 * bearer token obtained once from {@code POST /v1/auth/token}, as an application client would.
 */
final class Http {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private volatile String basic;
    private volatile String authorization;
    private final ObjectMapper mapper;

    Http(String base, ObjectMapper mapper) {
        this.base = base;
        this.mapper = mapper;
    }

    /** The login of every request from now on, with HTTP Basic until {@link #useBearer()}. */
    void credentials(String user, String password) {
        basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        authorization = basic;
    }

    /** From now on, HTTP Basic. */
    void useBasic() {
        authorization = basic;
    }

    /** From now on, a fresh bearer token (lifetime 60 minutes by default). */
    void useBearer() throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/v1/auth/token"))
                .header("Authorization", basic).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("POST /v1/auth/token: " + response.statusCode() + " " + response.body());
        }
        authorization = "Bearer " + mapper.readTree(response.body()).path("access_token").asText();
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    HttpRequest get(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json").timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.GET().build();
    }

    /** Status of a GET whose body is read and dropped. */
    int status(URI uri) throws IOException, InterruptedException {
        return client.send(get(uri), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    HttpResponse<String> getString(String path) throws IOException, InterruptedException {
        return client.send(get(uri(path)), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = getString(path);
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return mapper.readTree(response.body());
    }

    HttpResponse<String> postJson(String path, Object body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> putJson(String path, String json) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postStream(String path, String contentType, Supplier<InputStream> body)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization)
                .header("Content-Type", contentType).timeout(Duration.ofHours(2))
                .POST(HttpRequest.BodyPublishers.ofInputStream(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
