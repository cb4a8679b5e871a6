package org.tessera.crm.bench.ping;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;

/**
 * The trivial endpoint the benchmark compares {@code GET /v1/parties/{id}} with: same container,
 * same application and filters (authentication, and the same permission check as reading a party),
 * a constant body of the same media type, no service call.
 */
@Component(service = PingResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path(TesseraApi.VERSION_PATH + "/bench/ping")
public class PingResource {
    private static final String BODY = "{\"pong\":true}";

    @GET
    @RequiresPermission(CorePermissions.PARTY_READ)
    @Produces(MediaType.APPLICATION_JSON)
    public String ping() {
        return BODY;
    }
}
