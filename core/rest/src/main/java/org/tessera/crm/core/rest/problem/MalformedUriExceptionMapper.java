package org.tessera.crm.core.rest.problem;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemTypes;
import org.tessera.crm.core.kit.rest.Problems;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * A query string with a malformed percent escape ({@code ?cursor=%%%%}, {@code ?entityType=%ZZ})
 * makes the JAX-RS runtime throw {@link IllegalArgumentException} while it decodes the query,
 * before any filter runs: that is the client's fault, a 400 naming the parameter. Any other
 * {@code IllegalArgumentException} is a fault of ours, answered as {@link UnexpectedExceptionMapper} does.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(TesseraApi.EXTENSIONS_SELECT)
public class MalformedUriExceptionMapper implements ExceptionMapper<IllegalArgumentException> {
    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(IllegalArgumentException e) {
        String query = request == null ? null : request.getQueryString();
        String parameter = PercentEscapes.malformedParameter(query);
        if (parameter != null) {
            return Problems.response(malformed(parameter));
        }
        if (request != null && PercentEscapes.isMalformed(request.getRequestURI())) {
            return Problems.response(malformed("path"));
        }
        return Problems.response(UnexpectedExceptionMapper.internalError(e));
    }

    private static Problem malformed(String name) {
        String message = "holds a malformed percent escape: write '%' as %25, and other escapes as % and two hex digits";
        return new Problem(ProblemTypes.INVALID_PARAMETER, "Invalid query parameter", 400, name + " " + message)
                .withError(new FieldError(name, "malformed", message));
    }
}
