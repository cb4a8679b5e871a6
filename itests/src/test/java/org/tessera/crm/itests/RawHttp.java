package org.tessera.crm.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Requests that {@link java.net.URI} refuses to build, such as a query with a malformed percent
 * escape ({@code ?cursor=%%%%}), written byte for byte on a socket as a careless client would
 * (through the fuzz test's {@link org.tessera.crm.itests.fuzz.RawHttp}).
 */
final class RawHttp {

    record Response(int status, String contentType, String body) {
        JsonNode json() {
            return contentType.contains("json") && !body.isEmpty() ? Api.parse(body) : MissingNode.getInstance();
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    private RawHttp() {
    }

    /** {@code GET target} (a raw path and query under {@code /tessera/api}) as the administrator. */
    static Response get(String target) {
        org.tessera.crm.itests.fuzz.RawHttp http = new org.tessera.crm.itests.fuzz.RawHttp("localhost",
                Integer.getInteger(TesseraContainer.HTTP_PORT_PROPERTY));
        try {
            org.tessera.crm.itests.fuzz.RawHttp.Answer answer = http.send("GET",
                    ("/tessera/api" + target).getBytes(StandardCharsets.ISO_8859_1),
                    Map.of("Accept", "application/json", "Authorization", Api.basic("admin", "admin")), null);
            return new Response(answer.status(), answer.contentType(), answer.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
