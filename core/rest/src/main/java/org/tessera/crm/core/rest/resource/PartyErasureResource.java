package org.tessera.crm.core.rest.resource;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
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
import org.tessera.crm.core.api.privacy.ErasureReportDTO;
import org.tessera.crm.core.api.privacy.ErasureRequestDTO;
import org.tessera.crm.core.api.privacy.PersonalDataService;

/** The erasure of a person, a root of its own at the full path. */
@Component(service = PartyErasureResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/parties/{id}/erase")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "personal data")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class PartyErasureResource {
    private final PersonalDataService personalData;

    @Activate
    public PartyErasureResource(@Reference PersonalDataService personalData) {
        this.personalData = personalData;
    }

    @Operation(summary = "Erase (anonymize) the party in the core and every installed module: irreversible",
            description = "The body repeats the party's id: {\"confirm\": \"<id>\"}. One transaction; one event "
                    + PersonalDataService.PARTY_ERASED + ". 409 while a legal hold is set. The answer lists per module what "
                    + "was erased and what was kept, and why.",
            responses = @ApiResponse(responseCode = "200", description = "Erased",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErasureReportDTO.class))))
    @RequiresPermission(CorePermissions.PARTY_ERASE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public ErasureReportDTO eraseParty(@PathParam("id") String id, ErasureRequestDTO request) {
        if (request == null) {
            throw new ValidationException(FieldError.required("confirm"));
        }
        return personalData.erase(id, request.confirm);
    }
}
