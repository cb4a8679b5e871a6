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
import org.tessera.crm.core.api.org.AgentDTO;
import org.tessera.crm.core.api.rest.TesseraApi;

/** Agents: the users of the CRM who own and work records. */
@Component(service = AgentsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentsResource {
    private final OrgService org;

    @Activate
    public AgentsResource(@Reference OrgService org) {
        this.org = org;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(AgentDTO draft, @Context UriInfo uriInfo) {
        AgentDTO created = org.createAgent(draft);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @GET
    public Page<AgentDTO> agents() {
        return Responses.items(org.agents());
    }

    @GET
    @Path("{id}")
    public Response agent(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        AgentDTO agent = org.findAgent(id).orElseThrow(() -> new NotFoundException(EntityTypes.AGENT, id));
        return Responses.read(agent, agent.version, ifNoneMatch);
    }
}
