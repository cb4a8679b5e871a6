package org.tessera.crm.banking.impl.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.banking.impl.BankingPermissions;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.EntityTags;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.banking.api.HouseholdMemberDTO;
import org.tessera.crm.banking.api.HouseholdService;
import org.tessera.crm.banking.api.RollupDTO;

/**
 * {@code /v1/banking/households/{id}}: the members of a core household party and its rollup (the
 * counting rule is {@link RollupDTO}'s: an account counts once, in its primary owner's primary
 * household; a joint owner's other household shows it without counting it).
 */
@Component(service = HouseholdsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(BankingApplication.SELECT)
@JSONRequired
@Path("/households/{householdId}")
@Produces(MediaType.APPLICATION_JSON)
public class HouseholdsResource {
    private final HouseholdService households;

    @Activate
    public HouseholdsResource(@Reference HouseholdService households) {
        this.households = households;
    }

    @POST
    @Path("members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(BankingPermissions.CLIENT_WRITE)
    public Response addMember(@PathParam("householdId") String householdId, HouseholdMemberDTO member, @Context UriInfo uriInfo) {
        HouseholdMemberDTO created = households.addMember(householdId, member == null ? new HouseholdMemberDTO() : member);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @GET
    @Path("members")
    @RequiresPermission(BankingPermissions.CLIENT_READ)
    public Page<HouseholdMemberDTO> members(@PathParam("householdId") String householdId) {
        return Responses.items(households.members(householdId));
    }

    @DELETE
    @Path("members/{memberId}")
    @RequiresPermission(BankingPermissions.CLIENT_WRITE)
    public Response removeMember(@PathParam("householdId") String householdId, @PathParam("memberId") String memberId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        households.removeMember(householdId, memberId, EntityTags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    /** Needs banking.balance.read as well: a rollup is sums of balances. */
    @GET
    @Path("rollup")
    @RequiresPermission(BankingPermissions.CLIENT_READ)
    public RollupDTO rollup(@PathParam("householdId") String householdId) {
        return households.householdRollup(householdId);
    }
}
