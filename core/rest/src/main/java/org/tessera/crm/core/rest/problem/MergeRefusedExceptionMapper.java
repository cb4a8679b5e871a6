package org.tessera.crm.core.rest.problem;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.tessera.crm.core.api.merge.MergeRefusedException;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemTypes;
import org.tessera.crm.core.kit.rest.Problems;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * A merge or undo refused by a module (or the core): 409 with {@code module} and {@code reason}
 * members, so that a client shows who refused and why; nothing was changed.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(TesseraApi.EXTENSIONS_SELECT)
public class MergeRefusedExceptionMapper implements ExceptionMapper<MergeRefusedException> {
    /** The conflict problem with the refusing module and its reason. */
    public static class MergeRefusedProblem extends Problem {
        public String module;
        public String reason;

        MergeRefusedProblem(MergeRefusedException e) {
            super(ProblemTypes.CONFLICT, "Merge refused", 409, e.getMessage());
            this.module = e.module();
            this.reason = e.reason();
        }
    }

    @Override
    public Response toResponse(MergeRefusedException e) {
        return Problems.response(new MergeRefusedProblem(e));
    }
}
