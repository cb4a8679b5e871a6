package org.tessera.crm.service.impl.rest;

import javax.ws.rs.ApplicationPath;
import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * The module's JAX-RS application, at {@code /tessera/api/v1/service}. Marked as a Tessera API
 * application, it gets the core's authentication, permission checks, JSON and problem responses
 * without code of its own; being its own application, installing or removing the module never
 * disturbs the core's endpoints.
 */
@Component(service = Application.class, property = TesseraApi.API_PROPERTY + "=true")
@JaxrsName(ServiceApplication.NAME)
@JaxrsApplicationBase(TesseraApi.APPLICATION_BASE + ServiceApplication.PATH)
@JaxrsExtensionSelect(TesseraApi.SECURITY_EXTENSION_SELECT)
@ApplicationPath(ServiceApplication.PATH)
public class ServiceApplication extends Application {
    public static final String NAME = "tessera.service";
    public static final String PATH = TesseraApi.VERSION_PATH + "/service";
    /** Puts a resource in this application: {@code @JaxrsApplicationSelect(ServiceApplication.SELECT)}. */
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
