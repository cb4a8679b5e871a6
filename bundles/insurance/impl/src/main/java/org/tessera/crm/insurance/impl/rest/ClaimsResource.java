package org.tessera.crm.insurance.impl.rest;

import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.EntityTags;
import org.tessera.crm.core.kit.rest.MergePatcher;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.insurance.api.ClaimDTO;
import org.tessera.crm.insurance.api.ClaimPaymentDTO;
import org.tessera.crm.insurance.api.ClaimQuery;
import org.tessera.crm.insurance.api.ClaimService;
import org.tessera.crm.insurance.api.ClaimStatus;
import org.tessera.crm.insurance.impl.service.InsurancePermissions;

/** {@code /v1/insurance/claims}: reported, assessed, paid (payments as a sub-resource), linked to a service request. */
@Component(service = ClaimsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(InsuranceApplication.SELECT)
@JSONRequired
@Path("/claims")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimsResource {
    private final ClaimService claims;
    private final MergePatcher patcher = new MergePatcher(ObjectMappers.create());

    @Activate
    public ClaimsResource(@Reference ClaimService claims) {
        this.claims = claims;
    }

    /** The body of a status move. */
    public static class TransitionDTO {
        public ClaimStatus status;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(InsurancePermissions.CLAIM_WRITE)
    public Response reportClaim(ClaimDTO draft, @Context UriInfo uriInfo) {
        ClaimDTO created = claims.report(draft);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @GET
    @RequiresPermission(InsurancePermissions.CLAIM_READ)
    public Page<ClaimDTO> searchClaims(@QueryParam("policyId") String policyId, @QueryParam("partyId") String partyId,
            @QueryParam("status") String status, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uriInfo) {
        ClaimQuery query = new ClaimQuery();
        query.policyId = QueryParams.text(policyId);
        query.partyId = QueryParams.text(partyId);
        query.status = QueryParams.enumValue("status", status, ClaimStatus.class);
        query.limit = QueryParams.limit(limit);
        query.cursor = QueryParams.text(cursor);
        return QueryParams.search(Set.copyOf(uriInfo.getQueryParameters().keySet()), () -> claims.search(query));
    }

    @GET
    @Path("{id}")
    @RequiresPermission(InsurancePermissions.CLAIM_READ)
    public Response getClaim(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ClaimDTO claim = claims.get(id);
        return Responses.read(claim, claim.version, ifNoneMatch);
    }

    @PATCH
    @Path("{id}")
    @Consumes(TesseraApi.MERGE_PATCH_JSON)
    @RequiresPermission(InsurancePermissions.CLAIM_WRITE)
    public Response patchClaim(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
        Long expected = EntityTags.expectedVersion(ifMatch);
        ClaimDTO current = claims.get(id);
        ClaimDTO updated = claims.update(id, expected != null ? expected : current.version, patcher.apply(current, patch, ClaimDTO.class));
        return Responses.written(updated, updated.version);
    }

    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(InsurancePermissions.CLAIM_WRITE)
    public Response transition(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, TransitionDTO transition) {
        if (transition == null || transition.status == null) {
            throw new ValidationException(FieldError.required("status"));
        }
        ClaimDTO changed = claims.transition(id, EntityTags.expectedVersion(ifMatch), transition.status);
        return Responses.written(changed, changed.version);
    }

    /** A payment on a coverage of the claim; 422 naming the rule when it would exceed what may be paid. */
    @POST
    @Path("{id}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(InsurancePermissions.CLAIM_WRITE)
    public Response pay(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ClaimPaymentDTO payment) {
        ClaimDTO paid = claims.pay(id, EntityTags.expectedVersion(ifMatch), payment);
        return Responses.written(paid, paid.version);
    }

    /** Opens the service request that handles the claim (409 while the service module is not installed). */
    @POST
    @Path("{id}/service-request")
    @RequiresPermission(InsurancePermissions.CLAIM_WRITE)
    public Response openServiceRequest(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ClaimDTO linked = claims.openServiceRequest(id, EntityTags.expectedVersion(ifMatch));
        return Responses.written(linked, linked.version);
    }
}
