package org.tessera.crm.forecasting.impl.rest;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tessera.crm.forecasting.impl.service.SalesGate;

/**
 * While sales is absent, every forecasting request (after authentication) answers 503 with a
 * problem saying so, rather than half a forecast. Forecasting's own application only.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("tessera.forecasting.sales-required")
@JaxrsApplicationSelect(ForecastingApplication.SELECT)
public class SalesRequiredFilter implements ContainerRequestFilter {
    private final SalesGate sales;

    @Activate
    public SalesRequiredFilter(@Reference SalesGate sales) {
        this.sales = sales;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!sales.present()) {
            request.abortWith(ModuleUnavailableMapper.response(SalesGate.absent()));
        }
    }
}
