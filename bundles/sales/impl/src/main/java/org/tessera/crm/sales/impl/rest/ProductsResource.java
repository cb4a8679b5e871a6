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
import org.tessera.crm.sales.api.ProductDTO;
import org.tessera.crm.sales.api.ProductService;

/** Products: CRUD with ETags and merge patch. */
@Component(service = ProductsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SalesApplication.SELECT)
@JSONRequired
@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductsResource {
    private final ProductService products;
    private final MergePatcher patcher = new MergePatcher(ObjectMappers.create());

    @Activate
    public ProductsResource(@Reference ProductService products) {
        this.products = products;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SalesPermissions.PRODUCT_WRITE)
    public Response createProduct(ProductDTO draft, @Context UriInfo uriInfo) {
        ProductDTO created = products.createProduct(draft == null ? new ProductDTO() : draft);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @GET
    @RequiresPermission(SalesPermissions.PRODUCT_READ)
    public Page<ProductDTO> searchProducts(@QueryParam("family") String family, @QueryParam("active") String active,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uriInfo) {
        String activeText = QueryParams.text(active);
        if (activeText != null && !activeText.equals("true") && !activeText.equals("false")) {
            throw org.tessera.crm.core.kit.rest.ProblemException.badParameter("active", "must be true or false");
        }
        Boolean onlyActive = activeText == null ? null : Boolean.valueOf(activeText);
        int pageSize = QueryParams.limit(limit);
        return QueryParams.search(uriInfo.getQueryParameters().keySet(),
                () -> products.searchProducts(QueryParams.text(family), onlyActive, pageSize, QueryParams.text(cursor)));
    }

    @GET
    @Path("{id}")
    @RequiresPermission(SalesPermissions.PRODUCT_READ)
    public Response getProduct(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ProductDTO product = products.getProduct(id);
        return Responses.read(product, product.version, ifNoneMatch);
    }

    /** Full replace; If-Match is required so that a replace never overwrites a change unseen. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SalesPermissions.PRODUCT_WRITE)
    public Response replaceProduct(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ProductDTO desired) {
        ProductDTO updated = products.updateProduct(id, EntityTags.requiredVersion(ifMatch), desired == null ? new ProductDTO() : desired);
        return Responses.written(updated, updated.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes(TesseraApi.MERGE_PATCH_JSON)
    @RequiresPermission(SalesPermissions.PRODUCT_WRITE)
    public Response patchProduct(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
        Long expected = EntityTags.expectedVersion(ifMatch);
        ProductDTO current = products.getProduct(id);
        ProductDTO updated = products.updateProduct(id, expected != null ? expected : current.version,
                patcher.apply(current, patch, ProductDTO.class));
        return Responses.written(updated, updated.version);
    }
}
