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

/** The dated exchange rates forecasts and quotas are converted with into a reporting currency. */
@Component(service = ExchangeRatesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ForecastingApplication.SELECT)
@JSONRequired
@Path("/exchange-rates")
@Produces(MediaType.APPLICATION_JSON)
public class ExchangeRatesResource {
    private final ForecastSetupService setup;

    @Activate
    public ExchangeRatesResource(@Reference ForecastSetupService setup) {
        this.setup = setup;
    }

    @GET
    @RequiresPermission(ForecastingPermissions.READ)
    public Page<ExchangeRateDTO> listRates() {
        return Responses.items(setup.rates());
    }

    /** Creates or replaces the rate of a currency pair from a date. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ForecastingPermissions.QUOTA_WRITE)
    public Response putRate(ExchangeRateDTO rate) {
        ExchangeRateDTO saved = setup.putRate(rate == null ? new ExchangeRateDTO() : rate);
        return Responses.written(saved, saved.version);
    }
}
