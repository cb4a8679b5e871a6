package org.tessera.crm.core.rest.resource;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;

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
import org.tessera.crm.core.api.audit.AuditQuery;
import org.tessera.crm.core.api.audit.AuditRecordDTO;
import org.tessera.crm.core.api.audit.AuditService;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemException;
import org.tessera.crm.core.kit.rest.ProblemTypes;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.TesseraApi;

/** The audit trail, read-only: there is no method here, or anywhere, that changes it. */
@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class AuditResource {
    private final AuditService audit;
    private final RecordScope scope;

    @Activate
    public AuditResource(@Reference AuditService audit, @Reference RecordScope scope) {
        this.audit = audit;
        this.scope = scope;
    }

    @Operation(summary = "Audit records, newest first", responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON)))
    @RequiresPermission(CorePermissions.AUDIT_READ)
    @GET
    public Page<AuditRecordDTO> searchAudit(@QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
            @QueryParam("userId") String userId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uriInfo) {
        if (!scope.unrestricted()) {
            // audit records carry the field values of any record: the whole trail is for callers who see every record
            throw new ProblemException(new Problem(ProblemTypes.FORBIDDEN, "Forbidden", 403, "the audit trail of every record"
                    + " needs permission " + CorePermissions.ALL_RECORDS + "; a party's changes are at /v1/parties/{id}/history"));
        }
        AuditQuery query = new AuditQuery();
        query.entityType = QueryParams.text(entityType);
        query.entityId = QueryParams.text(entityId);
        query.userId = QueryParams.text(userId);
        query.from = QueryParams.instant("from", from);
        query.to = QueryParams.instant("to", to);
        query.limit = QueryParams.limit(limit);
        query.cursor = QueryParams.text(cursor);
        return QueryParams.search(uriInfo.getQueryParameters().keySet(), () -> audit.search(query));
    }
}
