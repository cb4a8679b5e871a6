package org.tessera.crm.core.rest.problem;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.StaleVersionException;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemTypes;
import org.tessera.crm.core.kit.rest.Problems;

/** The client's copy is older than the stored record: 412, so it re-reads before writing again. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(TesseraApi.EXTENSIONS_SELECT)
public class StaleVersionExceptionMapper implements ExceptionMapper<StaleVersionException> {

    @Override
    public Response toResponse(StaleVersionException e) {
        Problem problem = new Problem(ProblemTypes.STALE_VERSION, "Precondition Failed", 412, e.getMessage())
                .withError(new FieldError(HttpHeaders.IF_MATCH, "stale",
                        "the record is at version " + e.actualVersion() + ", not " + e.expectedVersion()));
        return Problems.response(problem);
    }
}
