package org.tessera.crm.marketing.impl.rest;

import javax.ws.rs.ApplicationPath;
import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * The marketing module's JAX-RS application at {@code /tessera/api/v1/marketing}: its own
 * application, so that installing or removing marketing never rebuilds the core's; marked as a
 * Tessera API application, it gets the core's security, JSON and problem responses.
 */
@Component(service = Application.class, property = TesseraApi.API_PROPERTY + "=true")
@JaxrsName(MarketingApplication.NAME)
@JaxrsApplicationBase(TesseraApi.APPLICATION_BASE + MarketingApplication.PATH)
@JaxrsExtensionSelect(TesseraApi.SECURITY_EXTENSION_SELECT)
@ApplicationPath(MarketingApplication.PATH)
public class MarketingApplication extends Application {
    static final String NAME = "tessera.marketing";
    static final String PATH = TesseraApi.VERSION_PATH + "/marketing";
    static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
