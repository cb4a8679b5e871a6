package org.tessera.crm.core.rest.problem;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ForbiddenException;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemTypes;
import org.tessera.crm.core.kit.rest.Problems;
import org.tessera.crm.core.kit.rest.TesseraApi;

/** A service refused the caller something it may not do with its input: 403, naming the field or parameter. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(TesseraApi.EXTENSIONS_SELECT)
public class ForbiddenExceptionMapper implements ExceptionMapper<ForbiddenException> {

    @Override
    public Response toResponse(ForbiddenException e) {
        Problem problem = new Problem(ProblemTypes.FORBIDDEN, "Forbidden", 403, e.getMessage());
        if (e.field() != null) {
            problem.withError(new FieldError(e.field(), "forbidden", e.getMessage()));
        }
        return Problems.response(problem);
    }
}
