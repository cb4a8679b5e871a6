package org.tessera.crm.core.rest.problem;

import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/** Base of the exception mappers: fills a problem's {@code instance} with the request path. */
abstract class ProblemMapperSupport {
    /** A per-request proxy injected by the JAX-RS runtime; {@code null} in unit tests. */
    @Context
    UriInfo uriInfo;

    Response respond(Problem problem) {
        if (problem.instance == null) {
            problem.instance = requestPath();
        }
        return Problems.response(problem);
    }

    String requestPath() {
        if (uriInfo == null) {
            return null;
        }
        try {
            return uriInfo.getRequestUri().getRawPath();
        } catch (RuntimeException outsideOfRequest) {
            return null;
        }
    }
}
