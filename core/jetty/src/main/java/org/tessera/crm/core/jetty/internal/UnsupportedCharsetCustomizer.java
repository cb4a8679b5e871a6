package org.tessera.crm.core.jetty.internal;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Answers 415 with a problem, before any context, for a request whose {@code Content-Type} names a
 * charset this JVM does not know ({@code charset=utf-9}, {@code charset=x;y}): CXF's servlet
 * transport fails on it with an {@code IOException} before any JAX-RS filter or mapper runs, which
 * the client saw as a 500. The charset is not echoed.
 */
public class UnsupportedCharsetCustomizer implements HttpConfiguration.Customizer {
    private static final String PARAMETER = "charset=";

    @Override
    public void customize(Connector connector, HttpConfiguration configuration, Request request) {
        String charset = charsetOf(request.getHeader(HttpHeader.CONTENT_TYPE.asString()));
        if (charset == null || isSupported(charset)) {
            return;
        }
        ProblemAnswers.answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE_415, BadMessageProblem.problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE_415, HttpStatus.getMessage(HttpStatus.UNSUPPORTED_MEDIA_TYPE_415),
                "The charset named by the Content-Type header is not supported; send UTF-8 (charset=utf-8) or no charset."));
    }

    /** The charset parameter of a Content-Type, unquoted; {@code null} when there is none. */
    static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        int at = contentType.toLowerCase(Locale.ROOT).indexOf(PARAMETER);
        if (at < 0) {
            return null;
        }
        String value = contentType.substring(at + PARAMETER.length()).trim();
        if (value.startsWith("\"")) {
            int end = value.indexOf('"', 1);
            return end < 0 ? value.substring(1) : value.substring(1, end);
        }
        int end = value.indexOf(';');
        return (end < 0 ? value : value.substring(0, end)).trim();
    }

    static boolean isSupported(String charset) {
        try {
            return !charset.isEmpty() && Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
