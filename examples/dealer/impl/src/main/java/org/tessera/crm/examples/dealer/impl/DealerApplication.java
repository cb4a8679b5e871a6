package org.tessera.crm.examples.dealer.impl;

import javax.ws.rs.ApplicationPath;
import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * The pack's JAX-RS application, at {@code /tessera/api/v1/dealer}. Marked as a Tessera API
 * application, it gets the core's authentication, JSON and problem responses without code of its
 * own; being its own application, installing or removing the pack never disturbs the core's
 * endpoints.
 */
@Component(service = Application.class, property = TesseraApi.API_PROPERTY + "=true")
@JaxrsName(DealerApplication.NAME)
@JaxrsApplicationBase(TesseraApi.APPLICATION_BASE + DealerApplication.PATH)
@JaxrsExtensionSelect(TesseraApi.SECURITY_EXTENSION_SELECT)
@ApplicationPath(DealerApplication.PATH)
public class DealerApplication extends Application {
    static final String NAME = "tessera.dealer";
    static final String PATH = TesseraApi.VERSION_PATH + "/dealer";
    static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
