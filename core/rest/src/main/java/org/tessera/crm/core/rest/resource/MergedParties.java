package org.tessera.crm.core.rest.resource;

import java.net.URI;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemTypes;
import org.tessera.crm.core.kit.rest.Problems;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * The answer for a party merged into another: 308 Permanent Redirect to the survivor (a client
 * that follows redirects reads the survivor; one that does not finds its id in {@code Location} and
 * in the problem's {@code survivorId}). 308 rather than 410 because the party's records live on.
 */
final class MergedParties {
    /** The problem body of the redirect. */
    public static class MergedProblem extends Problem {
        public String survivorId;

        MergedProblem(String id, String survivorId) {
            super(ProblemTypes.ABOUT_BLANK, "Merged", 308, "party " + id + " was merged into party " + survivorId);
            this.survivorId = survivorId;
        }
    }

    private MergedParties() {
    }

    static Response redirect(UriInfo uriInfo, String id, String survivorId) {
        URI survivor = uriInfo.getBaseUriBuilder().path(TesseraApi.VERSION_PATH).path("parties").path(survivorId).build();
        return Response.status(308).location(survivor).type(Problems.PROBLEM_JSON_TYPE).entity(new MergedProblem(id, survivorId)).build();
    }
}
