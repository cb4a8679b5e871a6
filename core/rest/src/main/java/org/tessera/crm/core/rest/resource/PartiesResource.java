package org.tessera.crm.core.rest.resource;

import java.util.Optional;

import javax.ws.rs.Consumes;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tessera.crm.core.api.merge.MergeRequestDTO;
import org.tessera.crm.core.api.merge.MergeResultDTO;
import org.tessera.crm.core.api.merge.MergeService;
import org.tessera.crm.core.api.party.PartyStatus;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.audit.AuditQuery;
import org.tessera.crm.core.api.audit.AuditRecordDTO;
import org.tessera.crm.core.api.audit.AuditService;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyQuery;
import org.tessera.crm.core.api.party.PartyRelationshipDTO;
import org.tessera.crm.core.api.party.PartyRoleDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.api.sync.FieldMetaDTO;
import org.tessera.crm.core.api.sync.PartyFieldSync;
import org.tessera.crm.core.api.sync.PartySyncDTO;
import org.tessera.crm.core.api.sync.WriteSource;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineService;
import org.tessera.crm.core.kit.rest.EntityTags;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.MergePatcher;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.core.kit.rest.Problem;

/**
 * Parties: CRUD with ETags and merge patch, keyset search, and per party its relationships,
 * roles and timeline (kept here, not in classes of their own, because a second root resource
 * under {@code /v1/parties/{id}} would compete with this one in JAX-RS resource matching).
 */
@Component(service = PartiesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/parties")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "parties")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class PartiesResource {
    private final PartyService parties;
    private final TimelineService timelineService;
    private final AuditService audit;
    private final PartyFieldSync fieldSync;
    private final MergePatcher patcher = new MergePatcher(ObjectMappers.create());

    /** Optional so that the party endpoints never wait for the merge service; set in the distribution. */
    private volatile MergeService merges;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unsetMergeService")
    public void setMergeService(MergeService merges) {
        this.merges = merges;
    }

    public void unsetMergeService(MergeService merges) {
        if (this.merges == merges) {
            this.merges = null;
        }
    }

    @Activate
    public PartiesResource(@Reference PartyService parties, @Reference TimelineService timeline, @Reference AuditService audit,
            @Reference PartyFieldSync fieldSync) {
        this.parties = parties;
        this.fieldSync = fieldSync;
        this.timelineService = timeline;
        this.audit = audit;
    }

    /** Full replace; If-Match is required so that a replace never overwrites a change unseen. */
    @Operation(summary = "Create a party", responses = {
            @ApiResponse(responseCode = "201", description = "Created; Location and ETag name it", content = @Content(schema = @Schema(implementation = PartyDTO.class)))})
    @RequiresPermission(CorePermissions.PARTY_WRITE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createParty(PartyDTO draft, @Context UriInfo uriInfo,
            @Parameter(description = "Create it although it looks like a duplicate (a warning rule matched)")
            @QueryParam(AllowDuplicatesParam.NAME) String allowDuplicates) {
        PartyDTO created = parties.create(draft, AllowDuplicatesParam.of(allowDuplicates));
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @Operation(summary = "Read a party", responses = {
            @ApiResponse(responseCode = "200", description = "The party, with its ETag", content = @Content(schema = @Schema(implementation = PartyDTO.class))),
            @ApiResponse(responseCode = "304", description = "Not modified")})
    @RequiresPermission(CorePermissions.PARTY_READ)
    @GET
    @Path("{id}")
    public Response getParty(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Context UriInfo uriInfo) {
        PartyDTO party = parties.get(id);
        MergeService merge = merges;
        if (party.status == PartyStatus.MERGED && merge != null) {
            Optional<String> survivor = merge.survivorOf(id);
            if (survivor.isPresent()) {
                return MergedParties.redirect(uriInfo, id, survivor.get());
            }
        }
        return Responses.read(party, party.version, ifNoneMatch);
    }

    @Operation(summary = "Merge parties into this one (the survivor), across every installed module; dryRun answers what would move",
            responses = @ApiResponse(responseCode = "200", description = "The merge as logged (its id undoes it), or the dry run's answer",
                    content = @Content(schema = @Schema(implementation = MergeResultDTO.class))))
    @RequiresPermission(CorePermissions.PARTY_MERGE)
    @POST
    @Path("{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    public MergeResultDTO mergeParties(@PathParam("id") String id, MergeRequestDTO request) {
        MergeService merge = merges;
        if (merge == null) {
            throw new ServiceUnavailableException("party merge is starting");
        }
        return merge.merge(id, request);
    }

    @Operation(summary = "Replace a party (If-Match required)", responses = {
            @ApiResponse(responseCode = "200", description = "The updated party, with its new ETag", content = @Content(schema = @Schema(implementation = PartyDTO.class)))})
    @RequiresPermission(CorePermissions.PARTY_WRITE)
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replaceParty(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, PartyDTO desired,
            @QueryParam(AllowDuplicatesParam.NAME) String allowDuplicates) {
        PartyDTO updated = parties.update(id, EntityTags.requiredVersion(ifMatch), desired, AllowDuplicatesParam.of(allowDuplicates));
        return Responses.written(updated, updated.version);
    }

    /** JSON merge patch (RFC 7386); without If-Match the version read here guards the write. */
    @Operation(summary = "Merge-patch a party (RFC 7386)", responses = {
            @ApiResponse(responseCode = "200", description = "The updated party, with its new ETag", content = @Content(schema = @Schema(implementation = PartyDTO.class)))})
    @RequiresPermission(CorePermissions.PARTY_WRITE)
    @PATCH
    @Path("{id}")
    @Consumes(TesseraApi.MERGE_PATCH_JSON)
    public Response patchParty(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @RequestBody(content = @Content(mediaType = TesseraApi.MERGE_PATCH_JSON,
            schema = @Schema(implementation = PartyDTO.class))) JsonNode patch, @QueryParam(AllowDuplicatesParam.NAME) String allowDuplicates) {
        Long expected = EntityTags.expectedVersion(ifMatch);
        PartyDTO current = parties.get(id);
        PartyDTO merged = patcher.apply(current, patch, PartyDTO.class);
        PartyDTO updated = parties.update(id, expected != null ? expected : current.version, merged, AllowDuplicatesParam.of(allowDuplicates));
        return Responses.written(updated, updated.version);
    }

    /**
     * Merges another system's copy of the party field by field: each field named in
     * {@code fieldModifiedAt} is taken when its change is the most recent, unless its reference
     * application decides otherwise. The source system is the {@value WriteSource#HEADER} header.
     */
    @Operation(summary = "Sync a party from another system, field by field (the most recent change of each field wins)",
            description = "Only the fields named in fieldModifiedAt are considered. The source system is the Tessera-Source"
                    + " header (api without one). A sync that takes no field changes nothing: same version, no event.",
            responses = {@ApiResponse(responseCode = "200", description = "The party after the merge, with its ETag",
                    content = @Content(schema = @Schema(implementation = PartyDTO.class)))})
    @RequiresPermission(CorePermissions.PARTY_WRITE)
    @PUT
    @Path("{id}:sync")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response syncParty(@PathParam("id") String id, PartySyncDTO request) {
        PartyDTO synced = fieldSync.sync(id, request);
        return Responses.written(synced, synced.version);
    }

    @Operation(summary = "When each field of the party last changed, and which system changed it", responses = @ApiResponse(
            responseCode = "200", description = "OK", useReturnTypeSchema = true, content = @Content(mediaType = MediaType.APPLICATION_JSON)))
    @RequiresPermission(CorePermissions.PARTY_READ)
    @GET
    @Path("{id}/field-meta")
    public Page<FieldMetaDTO> getPartyFieldMeta(@PathParam("id") String id) {
        return Responses.items(fieldSync.fieldMeta(id));
    }

    @Operation(summary = "Delete a party, unless records of modules depend on it; If-Match makes it conditional", responses = {
            @ApiResponse(responseCode = "204", description = "Deleted"),
            @ApiResponse(responseCode = "409", description = "Records depend on it: the problem's dependents list them"),
            @ApiResponse(responseCode = "412", description = "If-Match names a version that is no longer current")})
    @RequiresPermission(CorePermissions.PARTY_WRITE)
    @DELETE
    @Path("{id}")
    public Response deleteParty(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        parties.delete(id, EntityTags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    @Operation(summary = "Search parties, one keyset page at a time", responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON)))
    @RequiresPermission(CorePermissions.PARTY_READ)
    @GET
    public Page<PartyDTO> searchParties(@QueryParam("q") String q, @QueryParam("type") String type,
            @QueryParam("classification") String classification, @QueryParam("ownerId") String ownerId,
            @QueryParam("orgUnitId") String orgUnitId, @QueryParam("status") String status,
            @Parameter(description = "id, name or createdAt; a leading - sorts descending (-name). The cursor keeps the order",
                    schema = @Schema(type = "string", allowableValues = {"id", "-id", "name", "-name", "createdAt", "-createdAt"}))
            @QueryParam("sort") String sort, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uriInfo) {
        PartyQuery query = PartyFilters.parse(q, type, classification, ownerId, orgUnitId, status, uriInfo);
        PartySortParam.apply(sort, query);
        query.limit = QueryParams.limit(limit);
        query.cursor = QueryParams.text(cursor);
        return QueryParams.search(uriInfo.getQueryParameters().keySet(), () -> parties.search(query));
    }

    @Operation(summary = "Add a relationship from this party", responses = {
            @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = PartyRelationshipDTO.class)))})
    @RequiresPermission(CorePermissions.PARTY_WRITE)
    @POST
    @Path("{id}/relationships")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addPartyRelationship(@PathParam("id") String id, PartyRelationshipDTO relationship) {
        return Response.status(Response.Status.CREATED).entity(parties.addRelationship(id, relationship)).build();
    }

    @Operation(summary = "Relationships from or to this party", responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON)))
    @RequiresPermission(CorePermissions.PARTY_READ)
    @GET
    @Path("{id}/relationships")
    public Page<PartyRelationshipDTO> listPartyRelationships(@PathParam("id") String id) {
        return Responses.items(parties.relationships(id));
    }

    @Operation(summary = "Add a role to this party", responses = {
            @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = PartyRoleDTO.class)))})
    @RequiresPermission(CorePermissions.PARTY_WRITE)
    @POST
    @Path("{id}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addPartyRole(@PathParam("id") String id, PartyRoleDTO role) {
        return Response.status(Response.Status.CREATED).entity(parties.addRole(id, role)).build();
    }

    @Operation(summary = "Roles of this party", responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON)))
    @RequiresPermission(CorePermissions.PARTY_READ)
    @GET
    @Path("{id}/roles")
    public Page<PartyRoleDTO> listPartyRoles(@PathParam("id") String id) {
        return Responses.items(parties.roles(id));
    }

    /**
     * The party's timeline, newest first, merged from every installed module; {@code module} and
     * {@code type} keep the entries of one module and/or one kind (as {@code GET /v1/timeline/sources}
     * lists them), filtered as each module reads its records. A cursor continues the same filter.
     */
    @Operation(summary = "The party's timeline, newest first; filtered by module and type of entry", responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON)))
    @RequiresPermission(CorePermissions.PARTY_READ)
    @GET
    @Path("{id}/timeline")
    public Page<TimelineEntryDTO> getPartyTimeline(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "module whose entries are wanted, e.g. sales") @QueryParam("module") String module,
            @Parameter(description = "kind of entry wanted, e.g. OPPORTUNITY") @QueryParam("type") String type,
            @Context UriInfo uriInfo) {
        int pageSize = QueryParams.limit(limit);
        return QueryParams.search(uriInfo.getQueryParameters().keySet(), () -> timelineService.timeline(id,
                QueryParams.text(module), QueryParams.text(type), QueryParams.text(cursor), pageSize));
    }

    /** The audit records of a party in the caller's scope, newest first. */
    @Operation(summary = "The party's change history (audit records), newest first", responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON)))
    @RequiresPermission(CorePermissions.AUDIT_READ)
    @GET
    @Path("{id}/history")
    public Page<AuditRecordDTO> getPartyHistory(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uriInfo) {
        parties.get(id); // 404 outside the caller's scope
        AuditQuery query = new AuditQuery();
        query.entityType = EntityTypes.PARTY;
        query.entityId = id;
        query.limit = QueryParams.limit(limit);
        query.cursor = QueryParams.text(cursor);
        return QueryParams.search(uriInfo.getQueryParameters().keySet(), () -> audit.search(query));
    }
}
