package org.tessera.crm.core.rest.problem;

import java.util.List;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.tessera.crm.core.api.duplicate.DuplicateCandidateDTO;
import org.tessera.crm.core.api.duplicate.DuplicateFoundException;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.Problems;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * A write refused by the duplicate rules: 409 with the {@code candidates} the caller may see,
 * how many lie outside their perimeter, and — for a warning — how to confirm ({@code confirm}).
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(TesseraApi.EXTENSIONS_SELECT)
public class DuplicateFoundExceptionMapper implements ExceptionMapper<DuplicateFoundException> {
    /** A warning rule matched: the write may be repeated with allowDuplicates=true. */
    public static final String DUPLICATE = "urn:tessera:problem:duplicate";
    /** A blocking rule matched: the write cannot be confirmed. */
    public static final String DUPLICATE_BLOCKED = "urn:tessera:problem:duplicate-blocked";

    /** The conflict problem with its candidates. */
    public static class DuplicateProblem extends Problem {
        public List<DuplicateCandidateDTO> candidates;
        public int hiddenCandidates;
        public boolean overridable;
        /** How to confirm a warned duplicate; absent when blocked. */
        public String confirm;

        DuplicateProblem(DuplicateFoundException e) {
            super(e.blocked() ? DUPLICATE_BLOCKED : DUPLICATE, e.blocked() ? "Duplicate refused" : "Possible duplicate", 409, e.getMessage());
            this.candidates = e.candidates();
            this.hiddenCandidates = e.hiddenCandidates();
            this.overridable = !e.blocked();
            this.confirm = e.blocked() ? null : "repeat the request with the query parameter allowDuplicates=true";
        }
    }

    @Override
    public Response toResponse(DuplicateFoundException e) {
        return Problems.response(new DuplicateProblem(e));
    }
}
