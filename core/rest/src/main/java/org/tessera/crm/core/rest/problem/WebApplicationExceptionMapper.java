package org.tessera.crm.core.rest.problem;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemException;
import org.tessera.crm.core.kit.rest.ProblemTypes;
import org.tessera.crm.core.kit.rest.Problems;

/**
 * Errors raised by the JAX-RS runtime (unknown path 404, 405, 406, 415…) become problems with
 * the same status; a {@link ProblemException} already carries its problem and passes through.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(TesseraApi.EXTENSIONS_SELECT)
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (original.getEntity() instanceof Problem || status < 400) {
            // a ProblemException is complete; a redirection is no error
            return original;
        }
        if (status >= 500) {
            LOG.error("The JAX-RS runtime answered {}", status, e);
        }
        Problem problem = new Problem(ProblemTypes.ABOUT_BLANK, Problems.reasonPhrase(status), status, detail(status));
        Response.ResponseBuilder response = Response.fromResponse(Problems.response(problem));
        // keep what the client needs to retry correctly, such as Allow on a 405
        copyHeader(original, response, HttpHeaders.ALLOW);
        copyHeader(original, response, HttpHeaders.WWW_AUTHENTICATE);
        copyHeader(original, response, HttpHeaders.RETRY_AFTER);
        return response.build();
    }

    /** Generic details: the runtime's own messages can name Java classes. */
    private static String detail(int status) {
        return switch (status) {
            case 404 -> "no resource at this path";
            case 405 -> "this method is not allowed on this resource";
            case 406 -> "none of the accepted media types can be produced; use application/json";
            case 415 -> "this media type is not accepted here; see the operation's Content-Type";
            default -> null;
        };
    }

    private static void copyHeader(Response from, Response.ResponseBuilder to, String name) {
        Object value = from.getHeaders().getFirst(name);
        if (value != null) {
            to.header(name, value);
        }
    }
}
