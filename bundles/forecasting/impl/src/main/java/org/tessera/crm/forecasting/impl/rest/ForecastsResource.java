package org.tessera.crm.forecasting.impl.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.forecasting.api.AdjustmentDTO;
import org.tessera.crm.forecasting.api.ForecastDTO;
import org.tessera.crm.forecasting.api.ForecastQuery;
import org.tessera.crm.forecasting.api.ForecastService;
import org.tessera.crm.forecasting.api.OpportunityDeltaDTO;
import org.tessera.crm.forecasting.api.RevisionDTO;
import org.tessera.crm.forecasting.api.SubmitDTO;
import org.tessera.crm.forecasting.impl.service.ForecastingPermissions;

/** Forecast worksheets, adjustments, submits, revisions and the week's changes. */
@Component(service = ForecastsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ForecastingApplication.SELECT)
@JSONRequired
@Path("/forecasts")
@Produces(MediaType.APPLICATION_JSON)
public class ForecastsResource {
    private final ForecastService forecasts;

    @Activate
    public ForecastsResource(@Reference ForecastService forecasts) {
        this.forecasts = forecasts;
    }

    /** The forecast of a position (the caller's own when absent) for a period, as the caller may see it. */
    @GET
    @RequiresPermission(ForecastingPermissions.READ)
    public ForecastDTO getForecast(@QueryParam("positionId") String positionId, @QueryParam("periodId") String periodId,
            @QueryParam("cumulative") String cumulative, @QueryParam("rollupSource") String rollupSource,
            @QueryParam("currency") String currency) {
        ForecastQuery query = new ForecastQuery();
        query.positionId = QueryParams.text(positionId);
        query.periodId = QueryParams.text(periodId);
        query.cumulative = Params.bool("cumulative", cumulative);
        query.rollupSource = QueryParams.text(rollupSource);
        query.currency = QueryParams.text(currency);
        return forecasts.forecast(query);
    }

    /** Freezes the position's forecast as its next revision; 201 with the revision. */
    @POST
    @Path("submit")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ForecastingPermissions.SUBMIT)
    public Response submit(SubmitDTO request, @Context UriInfo uriInfo) {
        SubmitDTO body = request == null ? new SubmitDTO() : request;
        RevisionDTO revision = forecasts.submit(QueryParams.text(body.positionId), body.periodId, body.rollupSource);
        return Response.created(uriInfo.getBaseUriBuilder().path("forecasts/revisions/" + revision.revision)
                .queryParam("positionId", revision.positionId).queryParam("periodId", revision.periodId).build())
                .entity(revision).build();
    }

    /** The revisions, newest first, each with what changed since the one before. */
    @GET
    @Path("revisions")
    @RequiresPermission(ForecastingPermissions.READ)
    public Page<RevisionDTO> listRevisions(@QueryParam("positionId") String positionId, @QueryParam("periodId") String periodId) {
        return Responses.items(forecasts.revisions(QueryParams.text(positionId), periodId));
    }

    @GET
    @Path("revisions/{revision}")
    @RequiresPermission(ForecastingPermissions.READ)
    public RevisionDTO getRevision(@PathParam("revision") String revision, @QueryParam("positionId") String positionId,
            @QueryParam("periodId") String periodId) {
        Integer number;
        try {
            number = Integer.valueOf(revision);
        } catch (NumberFormatException notANumber) {
            throw new org.tessera.crm.core.api.NotFoundException(org.tessera.crm.forecasting.api.ForecastingEntityTypes.REVISION, revision);
        }
        return forecasts.revision(QueryParams.text(positionId), periodId, number);
    }

    /** How the opportunities of the position and those below it changed since {@code since} (default: the last 7 days). */
    @GET
    @Path("changes")
    @RequiresPermission(ForecastingPermissions.READ)
    public Page<OpportunityDeltaDTO> listChanges(@QueryParam("positionId") String positionId, @QueryParam("periodId") String periodId,
            @QueryParam("since") String since) {
        List<OpportunityDeltaDTO> changes = forecasts.changes(QueryParams.text(positionId), periodId, QueryParams.instant("since", since));
        return Responses.items(changes);
    }
}
