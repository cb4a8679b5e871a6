package org.tessera.crm.forecasting.impl.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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
import org.tessera.crm.core.kit.rest.Responses;
import org.tessera.crm.forecasting.api.ExchangeRateDTO;
import org.tessera.crm.forecasting.api.ForecastSetupService;
import org.tessera.crm.forecasting.api.QuotaDTO;
import org.tessera.crm.forecasting.impl.service.ForecastingPermissions;

/** Quotas per position, period and currency, and the dated exchange rates forecasts are converted with. */
@Component(service = QuotasResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ForecastingApplication.SELECT)
@JSONRequired
@Path("/quotas")
@Produces(MediaType.APPLICATION_JSON)
public class QuotasResource {
    private final ForecastSetupService setup;

    @Activate
    public QuotasResource(@Reference ForecastSetupService setup) {
        this.setup = setup;
    }

    @GET
    @RequiresPermission(ForecastingPermissions.READ)
    public Page<QuotaDTO> listQuotas(@QueryParam("periodId") String periodId) {
        return Responses.items(setup.quotas(periodId));
    }

    /** Creates or replaces the quota of the position, period and currency named in the body. */
    @PUT
        @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ForecastingPermissions.QUOTA_WRITE)
    public Response putQuota(QuotaDTO quota) {
        QuotaDTO saved = setup.putQuota(quota == null ? new QuotaDTO() : quota);
        return Responses.written(saved, saved.version);
    }
}
