package org.tessera.crm.core.rest.problem;

import java.util.UUID;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemTypes;
import org.tessera.crm.core.kit.rest.Problems;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * Anything else is a fault of ours: 500 with a generic detail and an error id; the stack trace
 * goes to the log under the same id, never into the body.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(TesseraApi.EXTENSIONS_SELECT)
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        return Problems.response(internalError(e));
    }

    /** The 500 problem of {@code e}, logged with its error id. */
    static Problem internalError(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        LOG.error("Unexpected error {}", errorId, e);
        Problem problem = new Problem(ProblemTypes.INTERNAL, "Internal Server Error", 500,
                "an unexpected error occurred; quote error id " + errorId + " when reporting it");
        problem.errorId = errorId;
        return problem;
    }
}
