package org.tessera.crm.core.rest.problem;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemTypes;
import org.tessera.crm.core.kit.rest.Problems;

/** A write rejected by a service's validation: 422 with every offending field. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(TesseraApi.EXTENSIONS_SELECT)
public class ValidationExceptionMapper implements ExceptionMapper<ValidationException> {
    static final int UNPROCESSABLE_CONTENT = 422;

    @Override
    public Response toResponse(ValidationException e) {
        Problem problem = new Problem(ProblemTypes.VALIDATION, "Validation failed", UNPROCESSABLE_CONTENT, detail(e));
        e.errors().forEach(problem::withError);
        return Problems.response(problem);
    }

    private static String detail(ValidationException e) {
        return switch (e.errors().size()) {
            case 0 -> "the request is invalid";
            case 1 -> e.errors().get(0).toString();
            default -> e.errors().size() + " fields are invalid";
        };
    }
}
