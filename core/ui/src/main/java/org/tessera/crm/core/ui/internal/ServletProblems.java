package org.tessera.crm.core.ui.internal;

import java.io.IOException;

import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tessera.crm.core.kit.rest.ProblemTypes;
import org.tessera.crm.core.kit.rest.TesseraApi;

/** RFC 9457 problems answered by the UI's servlets, shaped like the API's. */
final class ServletProblems {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ServletProblems() {
    }

    static void notFound(HttpServletResponse response, String detail) throws IOException {
        send(response, 404, ProblemTypes.NOT_FOUND, "Not Found", detail, null);
    }

    /** A path that no UI file can have (a climbing or hidden segment): the field is {@code path}. */
    static void badPath(HttpServletResponse response, String path) throws IOException {
        send(response, 400, ProblemTypes.INVALID_PARAMETER, "Bad Request", "not a plain file path: " + path, "path");
    }

    private static void send(HttpServletResponse response, int status, String type, String title, String detail, String field)
            throws IOException {
        ObjectNode problem = MAPPER.createObjectNode().put("type", type).put("title", title).put("status", status).put("detail", detail);
        if (field != null) {
            problem.putArray("errors").addObject().put("field", field).put("code", "invalid").put("message", detail);
        }
        byte[] body = MAPPER.writeValueAsBytes(problem);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(TesseraApi.PROBLEM_JSON);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
