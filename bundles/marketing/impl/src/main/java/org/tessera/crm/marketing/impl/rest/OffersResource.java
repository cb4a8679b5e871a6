package org.tessera.crm.marketing.impl.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.EntityTags;
import org.tessera.crm.core.kit.rest.MergePatcher;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.marketing.api.OfferDTO;
import org.tessera.crm.marketing.impl.service.MarketingPermissions;
import org.tessera.crm.marketing.impl.service.Offers;

/** {@code /v1/marketing/offers/{id}}: an offer (created under its campaign). */
@Component(service = OffersResource.class)
@JaxrsResource
@JaxrsApplicationSelect(MarketingApplication.SELECT)
@JSONRequired
@Path("/offers")
@Produces(MediaType.APPLICATION_JSON)
public class OffersResource {
    private final Offers offers;
    private final MergePatcher patcher = new MergePatcher(ObjectMappers.create());

    @Activate
    public OffersResource(@Reference Offers offers) {
        this.offers = offers;
    }

    @GET
    @Path("{id}")
    @RequiresPermission(MarketingPermissions.CAMPAIGN_READ)
    public Response read(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        OfferDTO found = offers.get(id);
        return Responses.read(found, found.version, ifNoneMatch);
    }

    @PATCH
    @Path("{id}")
    @Consumes(TesseraApi.MERGE_PATCH_JSON)
    @RequiresPermission(MarketingPermissions.CAMPAIGN_WRITE)
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
        Long expected = EntityTags.expectedVersion(ifMatch);
        OfferDTO current = offers.get(id);
        OfferDTO updated = offers.update(id, expected != null ? expected : current.version,
                patcher.apply(current, Bodies.required(patch), OfferDTO.class));
        return Responses.written(updated, updated.version);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(MarketingPermissions.CAMPAIGN_WRITE)
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        offers.delete(id, EntityTags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }
}
