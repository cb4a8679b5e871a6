package org.tessera.crm.service.impl.rest;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
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
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.EntityTags;
import org.tessera.crm.core.kit.rest.MergePatcher;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.service.api.DocumentDTO;
import org.tessera.crm.service.api.DocumentService;
import org.tessera.crm.service.api.GenerateDocumentDTO;
import org.tessera.crm.service.api.HistoryEntryDTO;
import org.tessera.crm.service.api.OpenFromInteractionDTO;
import org.tessera.crm.service.api.RequestDTO;
import org.tessera.crm.service.api.RequestElementDTO;
import org.tessera.crm.service.api.RequestQuery;
import org.tessera.crm.service.api.RequestService;
import org.tessera.crm.service.api.StatusCategory;
import org.tessera.crm.service.api.sla.MilestoneStatusDTO;
import org.tessera.crm.service.impl.ServicePermissions;

/**
 * {@code /v1/service/requests}: requests, their dossiers, history, milestones and documents, and
 * their documents. Writes answer with the record and its ETag; a {@code PATCH} is a JSON merge
 * patch checked against {@code If-Match}.
 */
@Component(service = RequestsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ServiceApplication.SELECT)
@JSONRequired
@Path("/requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "service requests")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class RequestsResource {
    private final RequestService requests;
    private final DocumentService documents;
    private final ObjectMapper mapper = ObjectMappers.create();
    private final MergePatcher patcher = new MergePatcher(mapper);

    @Activate
    public RequestsResource(@Reference RequestService requests, @Reference DocumentService documents) {
        this.requests = requests;
        this.documents = documents;
    }

    @Operation(summary = "Open a request: numbered, routed by the assignment rules, its SLA started")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ServicePermissions.REQUEST_WRITE)
    public Response create(RequestDTO draft, @Context UriInfo uriInfo) {
        RequestDTO created = requests.create(required(draft, "summary"));
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @Operation(summary = "Requests, filtered (mine=true: my requests; myQueues=true: in my queues; open=true: not resolved or closed)")
    @GET
    @RequiresPermission(ServicePermissions.REQUEST_READ)
    public Page<RequestDTO> list(@QueryParam("partyId") String partyId, @QueryParam("status") String status,
            @QueryParam("category") String category, @QueryParam("open") String open, @QueryParam("queueId") String queueId,
            @QueryParam("ownerId") String ownerId, @QueryParam("mine") String mine, @QueryParam("myQueues") String myQueues,
            @QueryParam("number") String number, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uriInfo) {
        RequestQuery query = new RequestQuery();
        query.partyId = QueryParams.text(partyId);
        query.status = QueryParams.text(status);
        query.category = category == null ? null : QueryParams.enumValue("category", category, StatusCategory.class);
        query.open = bool("open", open);
        query.queueId = QueryParams.text(queueId);
        query.ownerId = QueryParams.text(ownerId);
        query.mine = Boolean.TRUE.equals(bool("mine", mine));
        query.myQueues = Boolean.TRUE.equals(bool("myQueues", myQueues));
        query.number = QueryParams.text(number);
        query.limit = QueryParams.limit(limit);
        query.cursor = QueryParams.text(cursor);
        return QueryParams.search(Set.copyOf(uriInfo.getQueryParameters().keySet()), () -> requests.list(query));
    }

    @Operation(summary = "Read a request with its milestones")
    @GET
    @Path("{id}")
    @RequiresPermission(ServicePermissions.REQUEST_READ)
    public Response read(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        RequestDTO found = requests.get(id);
        return Responses.read(found, found.version, ifNoneMatch);
    }

    @Operation(summary = "Change a request (JSON merge patch); reassign by setting ownerId or queueId")
    @PATCH
    @Path("{id}")
    @Consumes(TesseraApi.MERGE_PATCH_JSON)
    @RequiresPermission(ServicePermissions.REQUEST_WRITE)
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
        Long expected = EntityTags.expectedVersion(ifMatch);
        RequestDTO current = requests.get(id);
        RequestDTO desired = patcher.apply(current, patch, RequestDTO.class);
        RequestDTO updated = requests.update(id, expected != null ? expected : current.version, desired);
        return Responses.written(updated, updated.version);
    }

    @Operation(summary = "Delete a request")
    @DELETE
    @Path("{id}")
    @RequiresPermission(ServicePermissions.REQUEST_WRITE)
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        requests.delete(id, EntityTags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    @Operation(summary = "Open a request from an interaction (a core activity): it takes over its participants, agents and objects")
    @POST
    @Path("from-interaction")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ServicePermissions.REQUEST_WRITE)
    public Response openFromInteraction(OpenFromInteractionDTO command, @Context UriInfo uriInfo) {
        RequestDTO created = requests.openFromInteraction(required(command, "activityId"));
        return Response.created(uriInfo.getBaseUriBuilder().path("requests").path(created.id).build())
                .header(HttpHeaders.ETAG, EntityTags.of(created.version)).entity(created).build();
    }

    /** The body of {@code POST .../interactions}. */
    public static class AttachDTO {
        public String activityId;
    }

    @Operation(summary = "Attach an interaction to the request, adding what the request lacks")
    @POST
    @Path("{id}/interactions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ServicePermissions.REQUEST_WRITE)
    public RequestDTO attach(@PathParam("id") String id, AttachDTO body) {
        return requests.attachInteraction(id, required(body, "activityId").activityId);
    }

    @Operation(summary = "The request's dossier, by kind")
    @GET
    @Path("{id}/elements")
    @RequiresPermission(ServicePermissions.REQUEST_READ)
    public Map<RequestElementDTO.ElementKind, List<RequestElementDTO>> elements(@PathParam("id") String id) {
        return requests.elements(id);
    }

    @Operation(summary = "Every change of the request's fields")
    @GET
    @Path("{id}/history")
    @RequiresPermission(ServicePermissions.REQUEST_READ)
    public Page<HistoryEntryDTO> history(@PathParam("id") String id) {
        return Responses.items(requests.history(id));
    }

    @Operation(summary = "The request's SLA milestones: target, elapsed, stopped, remaining, violated")
    @GET
    @Path("{id}/milestones")
    @RequiresPermission(ServicePermissions.REQUEST_READ)
    public Page<MilestoneStatusDTO> milestones(@PathParam("id") String id) {
        return Responses.items(requests.get(id).milestones);
    }

    @Operation(summary = "Generate a letter or an email from a template (HTML and PDF; an email is sent)")
    @POST
    @Path("{id}/documents")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ServicePermissions.REQUEST_WRITE)
    public Response generate(@PathParam("id") String id, GenerateDocumentDTO command, @Context UriInfo uriInfo) {
        DocumentDTO created = documents.generate(id, required(command, "templateCode"));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id).build()).entity(created).build();
    }

    @Operation(summary = "The request's generated documents")
    @GET
    @Path("{id}/documents")
    @RequiresPermission(ServicePermissions.REQUEST_READ)
    public Page<DocumentDTO> documents(@PathParam("id") String id) {
        return Responses.items(documents.documents(id));
    }

    @Operation(summary = "A generated document, with its HTML")
    @GET
    @Path("{id}/documents/{documentId}")
    @RequiresPermission(ServicePermissions.REQUEST_READ)
    public DocumentDTO document(@PathParam("id") String id, @PathParam("documentId") String documentId) {
        return documents.get(id, documentId);
    }

    @Operation(summary = "A generated document as PDF")
    @GET
    @Path("{id}/documents/{documentId}/pdf")
    @Produces("application/pdf")
    @RequiresPermission(ServicePermissions.REQUEST_READ)
    public Response pdf(@PathParam("id") String id, @PathParam("documentId") String documentId) {
        byte[] pdf = documents.pdf(id, documentId);
        if (pdf.length == 0) {
            throw new org.tessera.crm.core.api.NotFoundException("SERVICE_DOCUMENT_PDF", documentId);
        }
        return Response.ok(pdf, "application/pdf").build();
    }

    private static Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        if (!"true".equals(value) && !"false".equals(value)) {
            throw new ValidationException(FieldError.invalid(name, "true or false"));
        }
        return Boolean.valueOf(value);
    }

    private static <T> T required(T body, String field) {
        if (body == null) {
            throw new ValidationException(FieldError.required(field));
        }
        return body;
    }
}
