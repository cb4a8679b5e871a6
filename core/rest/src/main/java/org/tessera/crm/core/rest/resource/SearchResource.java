package org.tessera.crm.core.rest.resource;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.search.SearchKeys;
import org.tessera.crm.core.api.search.SearchResultsDTO;
import org.tessera.crm.core.api.search.SearchService;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * The global search: typeahead across the core and every installed module. The endpoint needs the
 * party read permission, which every CRM user has; each group then needs its own module's.
 */
@Component(service = SearchResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class SearchResource {
    private final SearchService search;

    @Activate
    public SearchResource(@Reference SearchService search) {
        this.search = search;
    }

    @Operation(summary = "Search parties and the records of every installed module, grouped by type",
            description = "Each word of q must be the prefix of a word of a record (case and accents ignored). Groups come from "
                    + "the core (parties) and each installed module whose read permission the caller has, in the caller's "
                    + "perimeter; a group that is late or fails has the status TIMEOUT or ERROR. 422 naming q or limit when "
                    + "either is out of range.",
            responses = @ApiResponse(responseCode = "200", description = "OK",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchResultsDTO.class))))
    @RequiresPermission(CorePermissions.PARTY_READ)
    @GET
    public SearchResultsDTO search(
            @Parameter(description = "The text typed", required = true,
                    schema = @Schema(type = "string", minLength = 1, maxLength = SearchKeys.MAX_QUERY_LENGTH))
            @QueryParam("q") String q,
            @Parameter(description = "Hits per group", schema = @Schema(type = "integer", minimum = "1",
                    maximum = "" + SearchService.MAX_LIMIT, defaultValue = "" + SearchService.DEFAULT_LIMIT))
            @QueryParam("limit") String limit) {
        return search.search(q, limit(limit));
    }

    /** The limit per group; a malformed one is a 422 naming it, like q. */
    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return SearchService.DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException notANumber) {
            throw new ValidationException(FieldError.invalid("limit", "must be an integer from 1 to " + SearchService.MAX_LIMIT));
        }
    }
}
