package ${package}.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The Tessera REST API as a client sees it, logged in as the distribution's demo administrator. */
final class RestClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One exchange: the status, the ETag and the body parsed as JSON (missing when it is not JSON). */
    record Response(int status, String etag, JsonNode json, String body) {
        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String server = "http://localhost:" + System.getProperty(TesseraDistribution.HTTP_PORT);
    private final String base = server + "/tessera/api";
    private final String authorization = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    /** A GET of a path of the server rather than of the API, such as a file of a module's UI: {@code /tessera/ui/...}. */
    Response getFromServer(String path) {
        return send(HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofSeconds(30)).GET());
    }

    Response post(String path, JsonNode body) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body.toString())).header("Content-Type", "application/json"));
    }

    /** A JSON merge patch, with {@code If-Match} unless {@code ifMatch} is {@code null}. */
    Response patch(String path, JsonNode patch, String ifMatch) {
        HttpRequest.Builder request = request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(patch.toString()))
                .header("Content-Type", "application/merge-patch+json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("Authorization", authorization);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json") && !response.body().isEmpty();
            return new Response(response.statusCode(), response.headers().firstValue("ETag").orElse(null),
                    json ? MAPPER.readTree(response.body()) : MissingNode.getInstance(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
