package org.tessera.crm.core.kit.rest;

import javax.ws.rs.WebApplicationException;

import org.tessera.crm.core.api.FieldError;

/**
 * Thrown by the REST layer itself (bad query parameter, bad precondition header, patch body that
 * is not an object…) with its complete problem response; the mapper of
 * {@link WebApplicationException} passes that response through unchanged.
 */
public class ProblemException extends WebApplicationException {
    private static final long serialVersionUID = 1L;

    public ProblemException(Problem problem) {
        super(problem.detail, Problems.response(problem));
    }

    /** A 400 problem about one request input: a query parameter, a header or the body. */
    public static ProblemException badInput(String type, String title, String field, String code, String message) {
        return new ProblemException(new Problem(type, title, 400, message).withError(new FieldError(field, code, message)));
    }

    /** A 400 problem about a query parameter. */
    public static ProblemException badParameter(String name, String message) {
        return badInput(ProblemTypes.INVALID_PARAMETER, "Invalid query parameter", name, "invalid", message);
    }
}
