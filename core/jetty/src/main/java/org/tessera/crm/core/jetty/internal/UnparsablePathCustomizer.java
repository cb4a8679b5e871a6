package org.tessera.crm.core.jetty.internal;

import java.net.URI;
import java.net.URISyntaxException;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Answers 400 with a problem, before any context, for a path that Jetty accepts but that
 * {@link URI} refuses: {@code %u0041} (Jetty decodes this old UTF-16 escape) or a raw {@code |},
 * {@code "} or {@code \}. CXF builds a {@link URI} from the request URL before the JAX-RS
 * application sees the request, and answered such paths with a 500.
 */
public class UnparsablePathCustomizer implements HttpConfiguration.Customizer {

    @Override
    public void customize(Connector connector, HttpConfiguration configuration, Request request) {
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith("/") || isUriPath(path)) {
            return;
        }
        ProblemAnswers.answer(request, HttpStatus.BAD_REQUEST_400, BadMessageProblem.json(HttpStatus.BAD_REQUEST_400,
                HttpStatus.getMessage(HttpStatus.BAD_REQUEST_400), "Malformed path"));
    }

    static boolean isUriPath(String rawPath) {
        try {
            new URI("http://localhost" + rawPath);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
