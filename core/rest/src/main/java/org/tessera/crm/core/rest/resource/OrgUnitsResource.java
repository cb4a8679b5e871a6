package org.tessera.crm.core.rest.resource;

import javax.ws.rs.Consumes;
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
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.api.org.OrgUnitDTO;
import org.tessera.crm.core.api.rest.TesseraApi;

/** Org units: the nodes of the org tree that own records. */
@Component(service = OrgUnitsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/org-units")
@Produces(MediaType.APPLICATION_JSON)
public class OrgUnitsResource {
    private final OrgService org;

    @Activate
    public OrgUnitsResource(@Reference OrgService org) {
        this.org = org;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(OrgUnitDTO draft, @Context UriInfo uriInfo) {
        OrgUnitDTO created = org.createOrgUnit(draft);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @GET
    public Page<OrgUnitDTO> orgUnits() {
        return Responses.items(org.orgUnits());
    }

    @GET
    @Path("{id}")
    public Response orgUnit(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        OrgUnitDTO unit = org.findOrgUnit(id).orElseThrow(() -> new NotFoundException(EntityTypes.ORG_UNIT, id));
        return Responses.read(unit, unit.version, ifNoneMatch);
    }
}
