package org.tessera.crm.core.jetty.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;

/**
 * The server's error handler, set by this fragment's {@code jetty.xml}. Jetty answers a request it
 * cannot parse (a malformed percent escape in the path, a bad request line or header) before any
 * context or servlet sees it, with the body this handler's {@link #badMessageError} returns: an RFC
 * 9457 problem, like every other 4xx of the API, instead of Jetty's HTML page. Errors raised inside a
 * context keep that context's own handler.
 */
public class ProblemErrorHandler extends ErrorHandler {
    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        if (HttpStatus.hasNoBody(status)) {
            return BufferUtil.EMPTY_BUFFER;
        }
        fields.put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
        String title = HttpStatus.getMessage(status);
        return BufferUtil.toBuffer(BadMessageProblem.json(status, title, reason), StandardCharsets.UTF_8);
    }
}
