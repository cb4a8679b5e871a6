package org.tessera.crm.core.rest.security;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemTypes;
import org.tessera.crm.core.kit.rest.Problems;

/** The problem responses of authentication and authorization. */
final class SecurityProblems {
    static final String UNAUTHORIZED = "urn:tessera:problem:unauthorized";
    static final String FORBIDDEN = ProblemTypes.FORBIDDEN;
    static final String TOO_MANY_ATTEMPTS = "urn:tessera:problem:too-many-attempts";
    /** Both schemes the API accepts, in the realm {@code tessera}. */
    static final String CHALLENGE = "Basic realm=\"" + TesseraJaasRealm.NAME + "\", Bearer realm=\"" + TesseraJaasRealm.NAME + "\"";
    /**
     * The challenge to a script of the web UI ({@code X-Requested-With: XMLHttpRequest}): bearer
     * only, since a {@code Basic} challenge makes the browser pop its own login dialog over the page.
     */
    static final String SCRIPT_CHALLENGE = "Bearer realm=\"" + TesseraJaasRealm.NAME + "\"";
    /** Header by which the web UI's scripts say so, as the common JavaScript clients do. */
    static final String REQUESTED_WITH = "X-Requested-With";
    static final String XML_HTTP_REQUEST = "XMLHttpRequest";

    private SecurityProblems() {
    }

    /** @param requestedWith the request's {@code X-Requested-With}, or {@code null} */
    static Response unauthorized(String detail, String requestedWith) {
        String challenge = XML_HTTP_REQUEST.equalsIgnoreCase(requestedWith) ? SCRIPT_CHALLENGE : CHALLENGE;
        return Response.fromResponse(Problems.response(new Problem(UNAUTHORIZED, Problems.reasonPhrase(401), 401, detail)))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }

    static Response forbidden(String detail) {
        return Problems.response(new Problem(FORBIDDEN, Problems.reasonPhrase(403), 403, detail));
    }

    static Response throttled(long retryAfterSeconds) {
        return Response.fromResponse(Problems.response(new Problem(TOO_MANY_ATTEMPTS, Problems.reasonPhrase(429), 429,
                "too many failed logins; try again later"))).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).build();
    }
}
