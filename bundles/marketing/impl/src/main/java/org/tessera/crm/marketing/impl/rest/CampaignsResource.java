package org.tessera.crm.marketing.impl.rest;

import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.tessera.crm.marketing.api.AttributionModel;
import org.tessera.crm.marketing.api.CallListEntryDTO;
import org.tessera.crm.marketing.api.CampaignDTO;
import org.tessera.crm.marketing.api.CampaignStatus;
import org.tessera.crm.marketing.api.CampaignTotalsDTO;
import org.tessera.crm.marketing.api.MemberDTO;
import org.tessera.crm.marketing.api.MemberStatusDTO;
import org.tessera.crm.marketing.api.MembersAddedDTO;
import org.tessera.crm.marketing.api.OfferDTO;
import org.tessera.crm.marketing.api.ResponseDTO;
import org.tessera.crm.marketing.api.SendReportDTO;
import org.tessera.crm.marketing.impl.service.CallLists;
import org.tessera.crm.marketing.impl.service.CampaignTotals;
import org.tessera.crm.marketing.impl.service.Campaigns;
import org.tessera.crm.marketing.impl.service.EmailSends;
import org.tessera.crm.marketing.impl.service.MarketingPermissions;
import org.tessera.crm.marketing.impl.service.Members;
import org.tessera.crm.marketing.impl.service.Offers;

/**
 * {@code /v1/marketing/campaigns}: campaigns and their tree, status lists, totals, members and
 * responses, offers, the call list and email sends. Records answer with their ETag; a PATCH is a
 * JSON merge patch checked against If-Match when given.
 */
@Component(service = CampaignsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(MarketingApplication.SELECT)
@JSONRequired
@Path("/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignsResource {
    private final Campaigns campaigns;
    private final Members members;
    private final Offers offers;
    private final CallLists callLists;
    private final CampaignTotals totals;
    private final EmailSends sends;
    private final MergePatcher patcher = new MergePatcher(ObjectMappers.create());

    @Activate
    public CampaignsResource(@Reference Campaigns campaigns, @Reference Members members, @Reference Offers offers,
            @Reference CallLists callLists, @Reference CampaignTotals totals, @Reference EmailSends sends) {
        this.campaigns = campaigns;
        this.members = members;
        this.offers = offers;
        this.callLists = callLists;
        this.totals = totals;
        this.sends = sends;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MarketingPermissions.CAMPAIGN_WRITE)
    public Response create(CampaignDTO draft, @Context UriInfo uriInfo) {
        CampaignDTO created = campaigns.create(Bodies.required(draft));
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @GET
    @RequiresPermission(MarketingPermissions.CAMPAIGN_READ)
    public Page<CampaignDTO> list(@QueryParam("parentId") String parentId, @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uriInfo) {
        CampaignStatus byStatus = QueryParams.enumValue("status", status, CampaignStatus.class);
        int max = QueryParams.limit(limit);
        return QueryParams.search(uriInfo.getQueryParameters().keySet(),
                () -> campaigns.list(QueryParams.text(parentId), byStatus, max, QueryParams.text(cursor)));
    }

    @GET
    @Path("{id}")
    @RequiresPermission(MarketingPermissions.CAMPAIGN_READ)
    public Response read(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        CampaignDTO found = campaigns.get(id);
        return Responses.read(found, found.version, ifNoneMatch);
    }

    @PATCH
    @Path("{id}")
    @Consumes(TesseraApi.MERGE_PATCH_JSON)
    @RequiresPermission(MarketingPermissions.CAMPAIGN_WRITE)
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
        Long expected = EntityTags.expectedVersion(ifMatch);
        CampaignDTO current = campaigns.get(id);
        CampaignDTO updated = campaigns.update(id, expected != null ? expected : current.version,
                patcher.apply(current, Bodies.required(patch), CampaignDTO.class));
        return Responses.written(updated, updated.version);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(MarketingPermissions.CAMPAIGN_WRITE)
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        campaigns.delete(id, EntityTags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/statuses")
    @RequiresPermission(MarketingPermissions.CAMPAIGN_READ)
    public Page<MemberStatusDTO> statuses(@PathParam("id") String id) {
        return Responses.items(campaigns.statuses(id));
    }

    @PUT
    @Path("{id}/statuses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MarketingPermissions.CAMPAIGN_WRITE)
    public Page<MemberStatusDTO> replaceStatuses(@PathParam("id") String id, List<MemberStatusDTO> statuses) {
        return Responses.items(campaigns.replaceStatuses(id, Bodies.required(statuses)));
    }

    @GET
    @Path("{id}/totals")
    @RequiresPermission(MarketingPermissions.CAMPAIGN_READ)
    public CampaignTotalsDTO totals(@PathParam("id") String id, @QueryParam("subtree") String subtree,
            @QueryParam("attribution") String attribution) {
        AttributionModel model = QueryParams.enumValue("attribution", attribution, AttributionModel.class);
        return totals.totals(id, Bodies.flag("subtree", subtree), model);
    }

    @GET
    @Path("{id}/members")
    @RequiresPermission(MarketingPermissions.CAMPAIGN_READ)
    public Page<MemberDTO> members(@PathParam("id") String id, @QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uriInfo) {
        int max = QueryParams.limit(limit);
        return QueryParams.search(uriInfo.getQueryParameters().keySet(),
                () -> members.list(id, QueryParams.text(status), max, QueryParams.text(cursor)));
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MarketingPermissions.CAMPAIGN_WRITE)
    public Response addMember(@PathParam("id") String id, Requests.AddMember body) {
        MemberDTO member = members.add(id, Bodies.required(body).partyId);
        return Responses.written(member, member.version);
    }

    @POST
    @Path("{id}/members/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MarketingPermissions.CAMPAIGN_WRITE)
    public MembersAddedDTO addMembers(@PathParam("id") String id, Requests.AddMembers body) {
        return members.addAll(id, Bodies.required(body).partyIds);
    }

    @POST
    @Path("{id}/members/from-segment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MarketingPermissions.CAMPAIGN_WRITE)
    public MembersAddedDTO fromSegment(@PathParam("id") String id, Requests.FromSegment body) {
        return members.addSegment(id, Bodies.required(body).segmentId);
    }

    @GET
    @Path("{id}/members/{partyId}")
    @RequiresPermission(MarketingPermissions.CAMPAIGN_READ)
    public Response member(@PathParam("id") String id, @PathParam("partyId") String partyId,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        MemberDTO member = members.get(id, partyId);
        return Responses.read(member, member.version, ifNoneMatch);
    }

    @DELETE
    @Path("{id}/members/{partyId}")
    @RequiresPermission(MarketingPermissions.CAMPAIGN_WRITE)
    public Response removeMember(@PathParam("id") String id, @PathParam("partyId") String partyId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        members.remove(id, partyId, EntityTags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/members/{partyId}/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MarketingPermissions.CAMPAIGN_WRITE)
    public Response respond(@PathParam("id") String id, @PathParam("partyId") String partyId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ResponseDTO response) {
        MemberDTO member = members.respond(id, partyId, EntityTags.expectedVersion(ifMatch), Bodies.required(response));
        return Responses.written(member, member.version);
    }

    @GET
    @Path("{id}/offers")
    @RequiresPermission(MarketingPermissions.CAMPAIGN_READ)
    public Page<OfferDTO> offers(@PathParam("id") String id) {
        return Responses.items(offers.ofCampaign(id));
    }

    @POST
    @Path("{id}/offers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MarketingPermissions.CAMPAIGN_WRITE)
    public Response createOffer(@PathParam("id") String id, OfferDTO draft, @Context UriInfo uriInfo) {
        OfferDTO created = offers.create(id, Bodies.required(draft));
        return Response.created(uriInfo.getBaseUriBuilder().path("offers").path(created.id).build())
                .header(HttpHeaders.ETAG, EntityTags.of(created.version)).entity(created).build();
    }

    @GET
    @Path("{id}/call-list")
    @RequiresPermission(MarketingPermissions.CAMPAIGN_READ)
    public Page<CallListEntryDTO> callList(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uriInfo) {
        int max = QueryParams.limit(limit);
        return QueryParams.search(uriInfo.getQueryParameters().keySet(), () -> callLists.callList(id, max, QueryParams.text(cursor)));
    }

    @POST
    @Path("{id}/email-sends")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MarketingPermissions.EMAIL_SEND)
    public SendReportDTO send(@PathParam("id") String id, Requests.Send body) {
        return sends.send(id, body != null && body.retryFailed);
    }

}
