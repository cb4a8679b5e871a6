package org.tessera.crm.sales.impl.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.PUT;
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
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.EntityTags;
import org.tessera.crm.core.kit.rest.MergePatcher;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.sales.impl.service.SalesPermissions;
import org.tessera.crm.sales.api.PriceListDTO;
import org.tessera.crm.sales.api.ProductService;

/** Price lists (one currency each) with their entries. */
@Component(service = PriceListsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SalesApplication.SELECT)
@JSONRequired
@Path("/price-lists")
@Produces(MediaType.APPLICATION_JSON)
public class PriceListsResource {
    private final ProductService products;
    private final MergePatcher patcher = new MergePatcher(ObjectMappers.create());

    @Activate
    public PriceListsResource(@Reference ProductService products) {
        this.products = products;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SalesPermissions.PRICE_LIST_WRITE)
    public Response createPriceList(PriceListDTO draft, @Context UriInfo uriInfo) {
        PriceListDTO created = products.createPriceList(draft == null ? new PriceListDTO() : draft);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @GET
    @RequiresPermission(SalesPermissions.PRICE_LIST_READ)
    public Page<PriceListDTO> listPriceLists() {
        return Responses.items(products.priceLists());
    }

    @GET
    @Path("{id}")
    @RequiresPermission(SalesPermissions.PRICE_LIST_READ)
    public Response getPriceList(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        PriceListDTO priceList = products.getPriceList(id);
        return Responses.read(priceList, priceList.version, ifNoneMatch);
    }

    /** Full replace; If-Match is required so that a replace never overwrites a change unseen. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SalesPermissions.PRICE_LIST_WRITE)
    public Response replacePriceList(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, PriceListDTO desired) {
        PriceListDTO updated = products.updatePriceList(id, EntityTags.requiredVersion(ifMatch), desired == null ? new PriceListDTO() : desired);
        return Responses.written(updated, updated.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes(TesseraApi.MERGE_PATCH_JSON)
    @RequiresPermission(SalesPermissions.PRICE_LIST_WRITE)
    public Response patchPriceList(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
        Long expected = EntityTags.expectedVersion(ifMatch);
        PriceListDTO current = products.getPriceList(id);
        PriceListDTO updated = products.updatePriceList(id, expected != null ? expected : current.version,
                patcher.apply(current, patch, PriceListDTO.class));
        return Responses.written(updated, updated.version);
    }
}
