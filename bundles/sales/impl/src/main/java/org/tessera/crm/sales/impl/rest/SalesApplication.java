package org.tessera.crm.sales.impl.rest;

import javax.ws.rs.ApplicationPath;
import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * The sales module's JAX-RS application, at {@code /tessera/api/v1/sales}. Its own application, so
 * that installing, updating or removing sales never rebuilds the core's (see {@link TesseraApi}).
 */
@Component(service = Application.class, property = TesseraApi.API_PROPERTY + "=true")
@JaxrsName(SalesApplication.NAME)
@JaxrsApplicationBase(TesseraApi.APPLICATION_BASE + SalesApplication.PATH)
@JaxrsExtensionSelect(TesseraApi.SECURITY_EXTENSION_SELECT)
@ApplicationPath(SalesApplication.PATH)
public class SalesApplication extends Application {
    static final String NAME = "tessera.sales";
    static final String PATH = TesseraApi.VERSION_PATH + "/sales";
    /** What the sales resources put in {@code osgi.jaxrs.application.select}. */
    static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
