package org.tessera.crm.core.rest.problem;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.event.CursorExpiredException;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.Problems;
import org.tessera.crm.core.kit.rest.TesseraApi;

/** A change feed cursor older than the feed's retention: 410, with what to do instead. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(TesseraApi.EXTENSIONS_SELECT)
public class CursorExpiredExceptionMapper implements ExceptionMapper<CursorExpiredException> {
    static final String TYPE = "urn:tessera:problem:cursor-expired";

    @Override
    public Response toResponse(CursorExpiredException e) {
        return Problems.response(new Problem(TYPE, "Gone", 410, e.getMessage())
                .withError(new FieldError("since", "expired", "older than the retention of the change feed")));
    }
}
