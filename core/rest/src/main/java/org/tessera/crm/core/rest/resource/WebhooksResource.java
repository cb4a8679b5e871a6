package org.tessera.crm.core.rest.resource;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.api.webhook.WebhookDTO;
import org.tessera.crm.core.api.webhook.WebhookDeliveryDTO;
import org.tessera.crm.core.api.webhook.WebhookEvents;
import org.tessera.crm.core.api.webhook.WebhookReplayDTO;
import org.tessera.crm.core.api.webhook.WebhookService;
import org.tessera.crm.core.kit.rest.EntityTags;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * Webhook subscriptions: created, listed, read, replaced (If-Match required), deleted; their
 * delivery log, newest first; replay of one delivery or of a time range. The secret is accepted
 * on writes and never returned.
 */
@Component(service = WebhooksResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path(TesseraApi.VERSION_PATH + "/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks")
@ApiResponse(responseCode = "default", description = "A problem (RFC 9457)",
        content = @Content(mediaType = TesseraApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class WebhooksResource {
    private final WebhookService webhooks;

    @Activate
    public WebhooksResource(@Reference WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Operation(summary = "Every webhook subscription", responses = @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true))
    @RequiresPermission(CorePermissions.WEBHOOKS_ADMIN)
    @GET
    public Page<WebhookDTO> listWebhooks() {
        return Responses.items(webhooks.list());
    }

    @Operation(summary = "Create a webhook subscription (url, types, optional filter, secret)",
            responses = @ApiResponse(responseCode = "201", description = "Created, with its ETag",
                    content = @Content(schema = @Schema(implementation = WebhookDTO.class))))
    @RequiresPermission(CorePermissions.WEBHOOKS_ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createWebhook(WebhookDTO input, @Context UriInfo uriInfo) {
        WebhookDTO created = webhooks.create(input);
        return Responses.created(uriInfo, created.id, created.version, created);
    }

    @Operation(summary = "A webhook subscription", responses = @ApiResponse(responseCode = "200", description = "With its ETag",
            content = @Content(schema = @Schema(implementation = WebhookDTO.class))))
    @RequiresPermission(CorePermissions.WEBHOOKS_ADMIN)
    @GET
    @Path("{id}")
    public Response getWebhook(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        WebhookDTO webhook = webhooks.find(id).orElseThrow(() -> new NotFoundException(WebhookEvents.ENTITY_TYPE, id));
        return Responses.read(webhook, webhook.version, ifNoneMatch);
    }

    @Operation(summary = "Replace a webhook subscription (If-Match required; without a secret the stored one is kept)",
            responses = @ApiResponse(responseCode = "200", description = "The stored subscription, with its ETag",
                    content = @Content(schema = @Schema(implementation = WebhookDTO.class))))
    @RequiresPermission(CorePermissions.WEBHOOKS_ADMIN)
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putWebhook(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, WebhookDTO input) {
        long version = EntityTags.requiredVersion(ifMatch);
        WebhookDTO stored = webhooks.update(id, version, input);
        return Responses.written(stored, stored.version);
    }

    @Operation(summary = "Delete a webhook subscription and its delivery log (If-Match optional)",
            responses = @ApiResponse(responseCode = "204", description = "Deleted"))
    @RequiresPermission(CorePermissions.WEBHOOKS_ADMIN)
    @DELETE
    @Path("{id}")
    public Response deleteWebhook(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        webhooks.delete(id, EntityTags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    @Operation(summary = "The deliveries of a subscription, newest first", responses = @ApiResponse(responseCode = "200",
            description = "A page; its nextCursor is the before of the following page", useReturnTypeSchema = true))
    @RequiresPermission(CorePermissions.WEBHOOKS_ADMIN)
    @GET
    @Path("{id}/deliveries")
    public Page<WebhookDeliveryDTO> listWebhookDeliveries(@PathParam("id") String id,
            @Parameter(description = "PENDING, DELIVERING, DELIVERED or DEAD") @QueryParam("state") String state,
            @Parameter(description = "only deliveries older than this delivery id (the next of the previous page)") @QueryParam("before") String before,
            @Parameter(description = "deliveries per page, 1 to 200 (50)") @QueryParam("limit") String limit) {
        int size = QueryParams.limit(limit);
        List<WebhookDeliveryDTO> page = webhooks.deliveries(id, QueryParams.text(state), QueryParams.text(before), size);
        return new Page<>(page, page.size() == size ? page.get(page.size() - 1).id : null);
    }

    @Operation(summary = "Deliver a dead (or delivered) delivery again, attempts from zero",
            responses = @ApiResponse(responseCode = "202", description = "Queued", content = @Content(schema = @Schema(implementation = WebhookDeliveryDTO.class))))
    @RequiresPermission(CorePermissions.WEBHOOKS_ADMIN)
    @POST
    @Path("{id}/deliveries/{deliveryId}/replay")
    public Response replayWebhookDelivery(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        return Response.accepted(webhooks.replay(id, deliveryId)).build();
    }

    @Operation(summary = "Deliver again the subscription's changes recorded from (inclusive) to (exclusive) that the outbox keeps",
            responses = @ApiResponse(responseCode = "202", description = "Queued: how many", content = @Content(schema = @Schema(implementation = WebhookReplayDTO.class))))
    @RequiresPermission(CorePermissions.WEBHOOKS_ADMIN)
    @POST
    @Path("{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replayWebhookRange(@PathParam("id") String id, WebhookReplayDTO range) {
        WebhookReplayDTO answer = new WebhookReplayDTO();
        answer.from = range == null ? null : range.from;
        answer.to = range == null ? null : range.to;
        answer.queued = webhooks.replay(id, answer.from, answer.to);
        return Response.accepted(answer).build();
    }
}
