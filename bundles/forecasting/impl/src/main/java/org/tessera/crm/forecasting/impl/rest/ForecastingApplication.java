package org.tessera.crm.forecasting.impl.rest;

import javax.ws.rs.ApplicationPath;
import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tessera.crm.core.kit.rest.TesseraApi;

/** The forecasting module's JAX-RS application, at {@code /tessera/api/v1/forecasting} (see {@link TesseraApi}). */
@Component(service = Application.class, property = TesseraApi.API_PROPERTY + "=true")
@JaxrsName(ForecastingApplication.NAME)
@JaxrsApplicationBase(TesseraApi.APPLICATION_BASE + ForecastingApplication.PATH)
@JaxrsExtensionSelect(TesseraApi.SECURITY_EXTENSION_SELECT)
@ApplicationPath(ForecastingApplication.PATH)
public class ForecastingApplication extends Application {
    static final String NAME = "tessera.forecasting";
    static final String PATH = TesseraApi.VERSION_PATH + "/forecasting";
    /** What the forecasting resources and extensions put in {@code osgi.jaxrs.application.select}. */
    static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
