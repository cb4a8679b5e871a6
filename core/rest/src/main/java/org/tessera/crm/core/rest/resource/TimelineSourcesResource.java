package org.tessera.crm.core.rest.resource;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.api.timeline.TimelineService;
import org.tessera.crm.core.api.timeline.TimelineSourceDTO;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * {@code /v1/timeline/sources}: the modules that contribute to party timelines now and the kinds
 * of entries each gives, the values {@code GET /v1/parties/{id}/timeline} accepts as {@code module}
 * and {@code type}; it follows modules in and out.
 */
@Component(service = TimelineSourcesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/timeline/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "parties")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class TimelineSourcesResource {
    private final TimelineService timeline;

    @Activate
    public TimelineSourcesResource(@Reference TimelineService timeline) {
        this.timeline = timeline;
    }

    @Operation(summary = "The modules that contribute to party timelines and their kinds of entries (the timeline's filters)",
            responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON)))
    @RequiresPermission(CorePermissions.PARTY_READ)
    @GET
    public Page<TimelineSourceDTO> timelineSources() {
        return Responses.items(timeline.sources());
    }
}
