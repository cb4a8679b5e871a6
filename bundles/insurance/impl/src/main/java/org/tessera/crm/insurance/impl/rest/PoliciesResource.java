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
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.EntityTags;
import org.tessera.crm.core.kit.rest.MergePatcher;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.insurance.api.ClaimDTO;
import org.tessera.crm.insurance.api.ClaimQuery;
import org.tessera.crm.insurance.api.ClaimService;
import org.tessera.crm.insurance.api.EndorsementDTO;
import org.tessera.crm.insurance.api.PolicyDTO;
import org.tessera.crm.insurance.api.PolicyQuery;
import org.tessera.crm.insurance.api.PolicyService;
import org.tessera.crm.insurance.api.PolicyStatus;
import org.tessera.crm.insurance.api.PolicyTransitionDTO;
import org.tessera.crm.insurance.api.RenewalRunDTO;
import org.tessera.crm.insurance.impl.service.InsurancePermissions;

/**
 * {@code /v1/insurance/policies}: terms with ETags and merge patch; {@code ?asOf=} reads what a
 * term covered on a date; endorsements, status transitions and renewals are sub-resources, so that
 * none of them can be smuggled into a patch.
 */
@Component(service = PoliciesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(InsuranceApplication.SELECT)
@JSONRequired
@Path("/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PoliciesResource {
    private final PolicyService policies;
    private final ClaimService claims;
    private final MergePatcher patcher = new MergePatcher(ObjectMappers.create());

    @Activate
    public PoliciesResource(@Reference PolicyService policies, @Reference ClaimService claims) {
        this.policies = policies;
        this.claims = claims;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(InsurancePermissions.POLICY_WRITE)
    public Response createPolicy(PolicyDTO draft, @Context UriInfo uriInfo) {
        PolicyDTO created = policies.create(draft);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @GET
    @RequiresPermission(InsurancePermissions.POLICY_READ)
    public Page<PolicyDTO> searchPolicies(@QueryParam("number") String number, @QueryParam("partyId") String partyId,
            @QueryParam("status") String status, @QueryParam("lineOfBusiness") String line, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uriInfo) {
        PolicyQuery query = new PolicyQuery();
        query.number = QueryParams.text(number);
        query.partyId = QueryParams.text(partyId);
        query.status = QueryParams.enumValue("status", status, PolicyStatus.class);
        query.lineOfBusiness = QueryParams.text(line);
        query.limit = QueryParams.limit(limit);
        query.cursor = QueryParams.text(cursor);
        return QueryParams.search(Set.copyOf(uriInfo.getQueryParameters().keySet()), () -> policies.search(query));
    }

    /** The term; {@code asOf} (YYYY-MM-DD, within the term) gives its coverages, premium and participants on that date. */
    @GET
    @Path("{id}")
    @RequiresPermission(InsurancePermissions.POLICY_READ)
    public Response getPolicy(@PathParam("id") String id, @QueryParam("asOf") String asOf,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Context UriInfo uriInfo) {
        PolicyDTO policy = QueryParams.search(Set.copyOf(uriInfo.getQueryParameters().keySet()),
                () -> policies.get(id, Dates.param("asOf", asOf)));
        return Responses.read(policy, policy.version, ifNoneMatch);
    }

    @PATCH
    @Path("{id}")
    @Consumes(TesseraApi.MERGE_PATCH_JSON)
    @RequiresPermission(InsurancePermissions.POLICY_WRITE)
    public Response patchPolicy(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
        Long expected = EntityTags.expectedVersion(ifMatch);
        PolicyDTO current = policies.get(id, null);
        PolicyDTO updated = policies.update(id, expected != null ? expected : current.version, patcher.apply(current, patch, PolicyDTO.class));
        return Responses.written(updated, updated.version);
    }

    /** A dated change of coverages or premium: a new revision of the term from its date on. */
    @POST
    @Path("{id}/endorsements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(InsurancePermissions.POLICY_WRITE)
    public Response endorse(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, EndorsementDTO endorsement) {
        PolicyDTO endorsed = policies.endorse(id, EntityTags.expectedVersion(ifMatch), endorsement);
        return Responses.written(endorsed, endorsed.version);
    }

    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(InsurancePermissions.POLICY_WRITE)
    public Response transition(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, PolicyTransitionDTO transition) {
        PolicyDTO changed = policies.transition(id, EntityTags.expectedVersion(ifMatch), transition);
        return Responses.written(changed, changed.version);
    }

    /** Renews the term: the new term (201), linked to this one, which becomes RENEWED. */
    @POST
    @Path("{id}/renewals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(InsurancePermissions.POLICY_WRITE)
    public Response renew(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, RenewalRunDTO terms,
            @Context UriInfo uriInfo) {
        PolicyDTO next = policies.renew(id, EntityTags.expectedVersion(ifMatch), terms);
        return Response.created(uriInfo.getBaseUriBuilder().path("policies").path(next.id).build())
                .header(HttpHeaders.ETAG, EntityTags.of(next.version)).entity(next).build();
    }

    @GET
    @Path("{id}/claims")
    @RequiresPermission(InsurancePermissions.CLAIM_READ)
    public Page<ClaimDTO> claimsOf(@PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uriInfo) {
        policies.get(id, null); // 404 when the term is unknown or out of scope
        ClaimQuery query = new ClaimQuery();
        query.policyId = id;
        query.limit = QueryParams.limit(limit);
        query.cursor = QueryParams.text(cursor);
        return QueryParams.search(Set.copyOf(uriInfo.getQueryParameters().keySet()), () -> claims.search(query));
    }
}
