package org.tessera.crm.banking.impl.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
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
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.banking.api.AssetDTO;
import org.tessera.crm.banking.api.HouseholdMemberDTO;
import org.tessera.crm.banking.api.HouseholdService;
import org.tessera.crm.banking.api.LifeEventDTO;
import org.tessera.crm.banking.api.LifeEventService;
import org.tessera.crm.banking.api.OfferDecisionDTO;
import org.tessera.crm.banking.api.OfferService;
import org.tessera.crm.banking.api.ProposedOfferDTO;
import org.tessera.crm.banking.api.RollupDTO;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;

/**
 * {@code /v1/banking/parties/{id}/...}: what the pack knows of a party: its life events, declared
 * assets, households, rollup, and the offers to propose at this interaction.
 */
@Component(service = BankingPartiesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(BankingApplication.SELECT)
@JSONRequired
@Path("/parties/{partyId}")
@Produces(MediaType.APPLICATION_JSON)
public class BankingPartiesResource {
    private final LifeEventService lifeEvents;
    private final HouseholdService households;
    private final OfferService offers;

    @Activate
    public BankingPartiesResource(@Reference LifeEventService lifeEvents, @Reference HouseholdService households, @Reference OfferService offers) {
        this.lifeEvents = lifeEvents;
        this.households = households;
        this.offers = offers;
    }

    @POST
    @Path("life-events")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(BankingPermissions.CLIENT_WRITE)
    public Response recordLifeEvent(@PathParam("partyId") String partyId, LifeEventDTO event, @Context UriInfo uriInfo) {
        LifeEventDTO created = lifeEvents.record(partyId, event == null ? new LifeEventDTO() : event);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @GET
    @Path("life-events")
    @RequiresPermission(BankingPermissions.CLIENT_READ)
    public Page<LifeEventDTO> lifeEvents(@PathParam("partyId") String partyId) {
        return Responses.items(lifeEvents.of(partyId));
    }

    @POST
    @Path("assets")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(BankingPermissions.CLIENT_WRITE)
    public Response declareAsset(@PathParam("partyId") String partyId, AssetDTO asset, @Context UriInfo uriInfo) {
        AssetDTO created = households.addAsset(partyId, asset == null ? new AssetDTO() : asset);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @GET
    @Path("assets")
    @RequiresPermission(BankingPermissions.CLIENT_READ)
    public Page<AssetDTO> assets(@PathParam("partyId") String partyId) {
        return Responses.items(households.assets(partyId));
    }

    @GET
    @Path("households")
    @RequiresPermission(BankingPermissions.CLIENT_READ)
    public Page<HouseholdMemberDTO> households(@PathParam("partyId") String partyId) {
        return Responses.items(households.membershipsOf(partyId));
    }

    /** What the person counts (as primary owner or declarer) and the joint accounts counted elsewhere. */
    @GET
    @Path("rollup")
    @RequiresPermission(BankingPermissions.CLIENT_READ)
    public RollupDTO rollup(@PathParam("partyId") String partyId) {
        return households.personRollup(partyId);
    }

    /** The offers to propose now, best first, each with why it matched ({@code limit} 1 to 25, 3 by default). */
    @GET
    @Path("offers")
    @RequiresPermission(BankingPermissions.CLIENT_READ)
    public Page<ProposedOfferDTO> offers(@PathParam("partyId") String partyId, @QueryParam("limit") String limit, @Context UriInfo uriInfo) {
        int max = limit == null ? OfferService.DEFAULT_LIMIT : parseLimit(limit);
        return QueryParams.search(uriInfo.getQueryParameters().keySet(), () -> Responses.items(offers.offersFor(partyId, max)));
    }

    @POST
    @Path("offers/{ruleId}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(BankingPermissions.CLIENT_WRITE)
    public OfferDecisionDTO accept(@PathParam("partyId") String partyId, @PathParam("ruleId") String ruleId, OfferAnswer answer) {
        if (answer != null && answer.reason != null) {
            throw new ValidationException(new FieldError("reason", "unknown", "an acceptance takes a note, not a reason"));
        }
        return offers.accept(partyId, ruleId, answer == null ? null : answer.note);
    }

    @POST
    @Path("offers/{ruleId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(BankingPermissions.CLIENT_WRITE)
    public OfferDecisionDTO reject(@PathParam("partyId") String partyId, @PathParam("ruleId") String ruleId, OfferAnswer answer) {
        if (answer != null && answer.note != null) {
            throw new ValidationException(new FieldError("note", "unknown", "a rejection takes a reason, not a note"));
        }
        return offers.reject(partyId, ruleId, answer == null ? null : answer.reason);
    }

    @GET
    @Path("offer-decisions")
    @RequiresPermission(BankingPermissions.CLIENT_READ)
    public Page<OfferDecisionDTO> decisions(@PathParam("partyId") String partyId) {
        return Responses.items(offers.decisions(partyId));
    }

    private static int parseLimit(String raw) {
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 1 && value <= OfferService.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException(FieldError.invalid("limit", "must be a whole number from 1 to " + OfferService.MAX_LIMIT));
    }
}
