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

/** Owner and manager adjustments of forecast categories. */
@Component(service = AdjustmentsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ForecastingApplication.SELECT)
@JSONRequired
@Path("/adjustments")
@Produces(MediaType.APPLICATION_JSON)
public class AdjustmentsResource {
    private final ForecastService forecasts;

    @Activate
    public AdjustmentsResource(@Reference ForecastService forecasts) {
        this.forecasts = forecasts;
    }

    @GET
    @RequiresPermission(ForecastingPermissions.READ)
    public Page<AdjustmentDTO> listAdjustments(@QueryParam("positionId") String positionId, @QueryParam("periodId") String periodId) {
        return Responses.items(forecasts.adjustments(positionId, periodId));
    }

    /** Sets the caller's adjustment of one category of a position's forecast (creating or replacing it). */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ForecastingPermissions.ADJUST)
    public Response putAdjustment(AdjustmentDTO adjustment) {
        AdjustmentDTO saved = forecasts.adjust(adjustment == null ? new AdjustmentDTO() : adjustment);
        return Responses.written(saved, saved.version);
    }
}
