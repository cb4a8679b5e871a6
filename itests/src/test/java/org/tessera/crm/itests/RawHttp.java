package org.tessera.crm.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Requests that {@link java.net.URI} refuses to build, such as a query with a malformed percent
 * escape ({@code ?cursor=%%%%}), written byte for byte on a socket as a careless client would.
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
        String port = System.getProperty(TesseraContainer.HTTP_PORT_PROPERTY);
        try (Socket socket = new Socket("localhost", Integer.parseInt(port))) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            // HTTP/1.0: the server closes the connection after one response, without chunking it
            out.write(("GET /tessera/api" + target + " HTTP/1.0\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + "Authorization: " + Api.basic("admin", "admin") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    private static Response parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                contentType = line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return new Response(status, contentType, body);
    }
}
