package org.tessera.crm.marketing.impl.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
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

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.marketing.api.SuppressionDTO;
import org.tessera.crm.marketing.impl.service.EmailSends;
import org.tessera.crm.marketing.impl.service.MarketingPermissions;
import org.tessera.crm.marketing.impl.service.Suppressions;

/** {@code /v1/marketing/suppressions}, and the unsubscribe link emails carry. */
@Component(service = SuppressionsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(MarketingApplication.SELECT)
@JSONRequired
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class SuppressionsResource {
    private final Suppressions suppressions;
    private final EmailSends sends;

    @Activate
    public SuppressionsResource(@Reference Suppressions suppressions, @Reference EmailSends sends) {
        this.suppressions = suppressions;
        this.sends = sends;
    }

    @POST
    @Path("suppressions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MarketingPermissions.SUPPRESSION_WRITE)
    public Response add(SuppressionDTO draft, @Context UriInfo uriInfo) {
        SuppressionDTO created = suppressions.add(Bodies.required(draft));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id).build()).entity(created).build();
    }

    @GET
    @Path("suppressions")
    @RequiresPermission(MarketingPermissions.CAMPAIGN_READ)
    public Page<SuppressionDTO> list(@QueryParam("partyId") String partyId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uriInfo) {
        int max = QueryParams.limit(limit);
        return QueryParams.search(uriInfo.getQueryParameters().keySet(),
                () -> suppressions.list(QueryParams.text(partyId), max, QueryParams.text(cursor)));
    }

    @DELETE
    @Path("suppressions/{id}")
    @RequiresPermission(MarketingPermissions.SUPPRESSION_WRITE)
    public Response delete(@PathParam("id") String id) {
        suppressions.delete(id);
        return Response.noContent().build();
    }

    /**
     * The link of every email: no login (the recipient clicks it), the random token is the proof. A
     * browser gets a page either way; a program that does not ask for HTML gets the API's error
     * contract for a link that is not valid.
     */
    @GET
    @Path("unsubscribe")
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(RequiresPermission.ANONYMOUS)
    public Response unsubscribe(@QueryParam("token") String token, @Context HttpHeaders headers) {
        boolean known = sends.unsubscribe(token);
        if (!known && !asksForHtml(headers)) {
            if (token == null || token.isBlank()) {
                new FieldErrors().required("token", null).throwIfAny();
            }
            throw new NotFoundException("UNSUBSCRIBE_LINK", token.length() > 100 ? token.substring(0, 100) + "…" : token);
        }
        String text = known ? "You will receive no more emails from us at this address." : "This link is not valid.";
        return Response.status(known ? 200 : 404).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unsubscribe</title></head><body><p>"
                        + text + "</p></body></html>").build();
    }

    private static boolean asksForHtml(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> !type.isWildcardType() && type.isCompatible(MediaType.TEXT_HTML_TYPE));
    }
}
