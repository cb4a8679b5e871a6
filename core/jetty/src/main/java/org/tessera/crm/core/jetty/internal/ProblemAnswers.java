package org.tessera.crm.core.jetty.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** Answers a request with a problem from a customizer, before any context sees it. */
final class ProblemAnswers {
    private ProblemAnswers() {
    }

    static void answer(Request request, int status, String problemJson) {
        Response response = request.getResponse();
        response.setStatus(status);
        response.setContentType(ProblemErrorHandler.PROBLEM_JSON);
        byte[] body = problemJson.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        request.setHandled(true);
    }
}
