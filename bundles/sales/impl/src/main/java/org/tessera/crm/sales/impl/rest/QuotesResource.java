package org.tessera.crm.sales.impl.rest;

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
import org.tessera.crm.sales.api.QuoteDTO;
import org.tessera.crm.sales.api.QuoteService;
import org.tessera.crm.sales.api.QuoteStatus;
import org.tessera.crm.sales.impl.service.SalesPermissions;

/** Quotes: created from an opportunity, then moved through their statuses by merge patch. */
@Component(service = QuotesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SalesApplication.SELECT)
@JSONRequired
@Path("/quotes")
@Produces(MediaType.APPLICATION_JSON)
public class QuotesResource {
    private final QuoteService quotes;
    private final MergePatcher patcher = new MergePatcher(ObjectMappers.create());

    @Activate
    public QuotesResource(@Reference QuoteService quotes) {
        this.quotes = quotes;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SalesPermissions.QUOTE_WRITE)
    public Response createQuote(QuoteDTO draft, @Context UriInfo uriInfo) {
        QuoteDTO created = quotes.create(draft == null ? new QuoteDTO() : draft);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @GET
    @RequiresPermission(SalesPermissions.QUOTE_READ)
    public Page<QuoteDTO> searchQuotes(@QueryParam("opportunityId") String opportunityId, @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uriInfo) {
        QuoteStatus wanted = QueryParams.enumValue("status", status, QuoteStatus.class);
        int pageSize = QueryParams.limit(limit);
        return QueryParams.search(uriInfo.getQueryParameters().keySet(),
                () -> quotes.search(QueryParams.text(opportunityId), wanted, pageSize, QueryParams.text(cursor)));
    }

    @GET
    @Path("{id}")
    @RequiresPermission(SalesPermissions.QUOTE_READ)
    public Response getQuote(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        QuoteDTO quote = quotes.get(id);
        return Responses.read(quote, quote.version, ifNoneMatch);
    }

    /** Full replace; If-Match is required so that a replace never overwrites a change unseen. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SalesPermissions.QUOTE_WRITE)
    public Response replaceQuote(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, QuoteDTO desired) {
        QuoteDTO updated = quotes.update(id, EntityTags.requiredVersion(ifMatch), desired == null ? new QuoteDTO() : desired);
        return Responses.written(updated, updated.version);
    }

    /** Merge patch; a change of status must be a transition of the quote state machine (else 409). */
    @PATCH
    @Path("{id}")
    @Consumes(TesseraApi.MERGE_PATCH_JSON)
    @RequiresPermission(SalesPermissions.QUOTE_WRITE)
    public Response patchQuote(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
        Long expected = EntityTags.expectedVersion(ifMatch);
        QuoteDTO current = quotes.get(id);
        QuoteDTO updated = quotes.update(id, expected != null ? expected : current.version, patcher.apply(current, patch, QuoteDTO.class));
        return Responses.written(updated, updated.version);
    }

    /** Deletes the quote; with {@code If-Match} only if it is still at that version (412 otherwise), without it unconditionally. */
    @DELETE
    @Path("{id}")
    @RequiresPermission(SalesPermissions.QUOTE_WRITE)
    public Response deleteQuote(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        quotes.delete(id, EntityTags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }
}
