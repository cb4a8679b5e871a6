package org.tessera.crm.core.rest.problem;

import java.util.List;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.tessera.crm.core.api.DependentRecordsDTO;
import org.tessera.crm.core.api.DependentRecordsException;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemTypes;
import org.tessera.crm.core.kit.rest.Problems;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * A delete refused because records depend on the record: 409, with a {@code dependents} member
 * listing them by module and type (count and a few ids), so the client knows what to remove first.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(TesseraApi.EXTENSIONS_SELECT)
public class DependentRecordsExceptionMapper implements ExceptionMapper<DependentRecordsException> {

    /** The conflict problem with its dependents. */
    public static class DependentsProblem extends Problem {
        public List<DependentRecordsDTO> dependents;

        DependentsProblem(String detail, List<DependentRecordsDTO> dependents) {
            super(ProblemTypes.CONFLICT, "Conflict", 409, detail);
            this.dependents = dependents;
        }
    }

    @Override
    public Response toResponse(DependentRecordsException e) {
        return Problems.response(new DependentsProblem(e.getMessage(), e.dependents()));
    }
}
