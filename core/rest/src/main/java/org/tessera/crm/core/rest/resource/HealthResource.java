package org.tessera.crm.core.rest.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.api.timeline.TimelineService;

/**
 * {@code {"status":"UP"}} while every core service is bound. The references are optional so that
 * the health check itself stays reachable, and answers 503 naming what is missing, when one is not.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health")
@RequiresPermission(RequiresPermission.ANONYMOUS)
public class HealthResource {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PartyService partyService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ActivityService activityService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile OrgService orgService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CustomFieldService customFieldService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TimelineService timelineService;

    @Operation(summary = "Whether the core services are available", responses = {
            @ApiResponse(responseCode = "200", description = "{\"status\":\"UP\"}"),
            @ApiResponse(responseCode = "503", description = "{\"status\":\"DOWN\",\"missing\":[...]}: the services not bound")})
    @GET
    public Response health() {
        List<String> missing = new ArrayList<>();
        addIfMissing(missing, partyService, PartyService.class);
        addIfMissing(missing, activityService, ActivityService.class);
        addIfMissing(missing, orgService, OrgService.class);
        addIfMissing(missing, customFieldService, CustomFieldService.class);
        addIfMissing(missing, timelineService, TimelineService.class);
        Map<String, Object> body = new LinkedHashMap<>();
        if (missing.isEmpty()) {
            body.put("status", "UP");
            return Response.ok(body).build();
        }
        body.put("status", "DOWN");
        body.put("missing", missing);
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(body).build();
    }

    private static void addIfMissing(List<String> missing, Object service, Class<?> type) {
        if (service == null) {
            missing.add(type.getSimpleName());
        }
    }
}
