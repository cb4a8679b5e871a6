package org.tessera.crm.forecasting.impl.rest;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.Problems;
import org.tessera.crm.forecasting.api.ModuleUnavailableException;

/** A module forecasting needs is absent (sales left during the request): 503, with the module named. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(ForecastingApplication.SELECT)
public class ModuleUnavailableMapper implements ExceptionMapper<ModuleUnavailableException> {
    /** The problem type of a module that needs another one that is not installed. */
    static final String TYPE = "urn:tessera:problem:module-required";

    @Override
    public Response toResponse(ModuleUnavailableException e) {
        return response(e);
    }

    static Response response(ModuleUnavailableException e) {
        Problem problem = new Problem(TYPE, "Service Unavailable", 503, e.getMessage());
        problem.withError(new org.tessera.crm.core.api.FieldError("module", "required", "needs module " + e.module()));
        return Response.fromResponse(Problems.response(problem)).header(HttpHeaders.RETRY_AFTER, "60").build();
    }
}
