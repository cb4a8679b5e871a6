package org.tessera.crm.core.rest.resource;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
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
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.privacy.ConsentDTO;
import org.tessera.crm.core.api.privacy.ConsentService;
import org.tessera.crm.core.kit.rest.Responses;

/** A party's consents per purpose and channel; a root of its own at the full path. */
@Component(service = ConsentsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/parties/{id}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "personal data")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class ConsentsResource {
    private final ConsentService consents;

    @Activate
    public ConsentsResource(@Reference ConsentService consents) {
        this.consents = consents;
    }

    @Operation(summary = "The party's recorded consents, then its opt-out flags as consents withdrawn for every purpose (derived)",
            responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON)))
    @RequiresPermission(CorePermissions.PARTY_READ)
    @GET
    public Page<ConsentDTO> listConsents(@PathParam("id") String id) {
        return Responses.items(consents.consents(id));
    }

    @Operation(summary = "Record the party's consent for a purpose on a channel (GRANTED or WITHDRAWN), replacing the previous one",
            description = "Body: status, and optionally capturedAt (default now) and source. Channels: EMAIL, PHONE, SMS, POSTAL, WEB.",
            responses = @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ConsentDTO.class))))
    @RequiresPermission(CorePermissions.PARTY_WRITE)
    @PUT
    @Path("{purpose}/{channel}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConsentDTO recordConsent(@PathParam("id") String id, @PathParam("purpose") String purpose, @PathParam("channel") String channel,
            ConsentDTO draft) {
        ConsentDTO consent = draft == null ? new ConsentDTO() : draft;
        consent.purpose = purpose;
        consent.channel = channel;
        return consents.record(id, consent);
    }
}
