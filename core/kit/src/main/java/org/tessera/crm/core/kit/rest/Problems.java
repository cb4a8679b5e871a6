package org.tessera.crm.core.kit.rest;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;


/** Builds problem responses. */
public final class Problems {
    /** {@code application/problem+json}. */
    public static final MediaType PROBLEM_JSON_TYPE = MediaType.valueOf(TesseraApi.PROBLEM_JSON);

    private Problems() {
    }

    /** The response carrying {@code problem}, with its status and the problem media type. */
    public static Response response(Problem problem) {
        return Response.status(problem.status)
                .type(PROBLEM_JSON_TYPE)
                // a problem describes this request only: never serve it from a cache
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(problem)
                .build();
    }

    /** The standard reason phrase of a status code, for a problem {@code title}. */
    public static String reasonPhrase(int status) {
        Response.StatusType known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            default -> "HTTP " + status;
        };
    }
}
