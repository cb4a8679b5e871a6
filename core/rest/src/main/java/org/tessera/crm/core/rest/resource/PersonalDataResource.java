package org.tessera.crm.core.rest.resource;

import javax.ws.rs.GET;
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
import org.tessera.crm.core.api.privacy.PersonalDataDTO;
import org.tessera.crm.core.api.privacy.PersonalDataService;

/** A person's data export, a root of its own at the full path (see {@link PartyOverviewResource} for why). */
@Component(service = PersonalDataResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/parties/{id}/personal-data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "personal data")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class PersonalDataResource {
    private final PersonalDataService personalData;

    @Activate
    public PersonalDataResource(@Reference PersonalDataService personalData) {
        this.personalData = personalData;
    }

    @Operation(summary = "Everything the core and every installed module hold about the party, in one document",
            description = "One section per installed module that declares its personal data, and the modules that may hold more "
                    + "(installed without a provider, or not installed). 404 outside the caller's perimeter.",
            responses = @ApiResponse(responseCode = "200", description = "OK",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonalDataDTO.class))))
    @RequiresPermission(CorePermissions.PARTY_PERSONAL_DATA)
    @GET
    public PersonalDataDTO exportPersonalData(@PathParam("id") String id) {
        return personalData.export(id);
    }
}
