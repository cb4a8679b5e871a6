package org.tessera.crm.core.rest.resource;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.privacy.LegalHoldDTO;
import org.tessera.crm.core.api.privacy.LegalHoldRequestDTO;
import org.tessera.crm.core.api.privacy.PersonalDataService;

/** A party's legal hold, which blocks its erasure; a root of its own at the full path. */
@Component(service = LegalHoldResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/parties/{id}/legal-hold")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "personal data")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class LegalHoldResource {
    private final PersonalDataService personalData;

    @Activate
    public LegalHoldResource(@Reference PersonalDataService personalData) {
        this.personalData = personalData;
    }

    @Operation(summary = "The party's legal hold (active false when none is set)", responses = @ApiResponse(responseCode = "200",
            description = "OK", content = @Content(schema = @Schema(implementation = LegalHoldDTO.class))))
    @RequiresPermission(CorePermissions.PARTY_READ)
    @GET
    public LegalHoldDTO getLegalHold(@PathParam("id") String id) {
        return personalData.legalHold(id);
    }

    @Operation(summary = "Set the party's legal hold, with its reason; audited", responses = @ApiResponse(responseCode = "200",
            description = "OK", content = @Content(schema = @Schema(implementation = LegalHoldDTO.class))))
    @RequiresPermission(CorePermissions.PARTY_LEGAL_HOLD)
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public LegalHoldDTO setLegalHold(@PathParam("id") String id, LegalHoldRequestDTO request) {
        if (request == null) {
            throw new ValidationException(FieldError.required("reason"));
        }
        return personalData.setLegalHold(id, request.reason);
    }

    @Operation(summary = "Clear the party's legal hold; audited", responses = @ApiResponse(responseCode = "200",
            description = "OK", content = @Content(schema = @Schema(implementation = LegalHoldDTO.class))))
    @RequiresPermission(CorePermissions.PARTY_LEGAL_HOLD)
    @DELETE
    public LegalHoldDTO clearLegalHold(@PathParam("id") String id) {
        return personalData.clearLegalHold(id);
    }
}
