package org.tessera.crm.forecasting.impl.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.EntityTags;
import org.tessera.crm.core.kit.rest.QueryParams;
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.forecasting.api.ForecastSetupService;
import org.tessera.crm.forecasting.api.PeriodDTO;
import org.tessera.crm.forecasting.api.PeriodGenerationDTO;
import org.tessera.crm.forecasting.api.PeriodType;
import org.tessera.crm.forecasting.impl.service.ForecastingPermissions;

/** Fiscal periods: generated a fiscal year at a time, locked and unlocked one by one. */
@Component(service = PeriodsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ForecastingApplication.SELECT)
@JSONRequired
@Path("/periods")
@Produces(MediaType.APPLICATION_JSON)
public class PeriodsResource {
    private final ForecastSetupService setup;

    @Activate
    public PeriodsResource(@Reference ForecastSetupService setup) {
        this.setup = setup;
    }

    @GET
    @RequiresPermission(ForecastingPermissions.READ)
    public Page<PeriodDTO> listPeriods(@QueryParam("fiscalYear") String fiscalYear, @QueryParam("type") String type) {
        return Responses.items(setup.periods(Params.integer("fiscalYear", fiscalYear), QueryParams.enumValue("type", type, PeriodType.class)));
    }

    @GET
    @Path("{id}")
    @RequiresPermission(ForecastingPermissions.READ)
    public Response getPeriod(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        PeriodDTO period = setup.period(id);
        return Responses.read(period, period.version, ifNoneMatch);
    }

    /** The months, quarters and the year of a fiscal year (those missing); all of that year's periods come back. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ForecastingPermissions.LOCK)
    public Page<PeriodDTO> generatePeriods(PeriodGenerationDTO request) {
        return Responses.items(setup.generatePeriods(request == null ? new PeriodGenerationDTO() : request));
    }

    /** Closes the period: its forecasts take no more submits or adjustments. {@code If-Match} is honoured when given. */
    @POST
    @Path("{id}/lock")
    @RequiresPermission(ForecastingPermissions.LOCK)
    public Response lockPeriod(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PeriodDTO locked = setup.lock(id, EntityTags.expectedVersion(ifMatch));
        return Responses.written(locked, locked.version);
    }

    /** Reopens a locked period: submits and adjustments are taken again (409 when it is open). {@code If-Match} is honoured when given. */
    @POST
    @Path("{id}/unlock")
    @RequiresPermission(ForecastingPermissions.LOCK)
    public Response unlockPeriod(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PeriodDTO unlocked = setup.unlock(id, EntityTags.expectedVersion(ifMatch));
        return Responses.written(unlocked, unlocked.version);
    }
}
