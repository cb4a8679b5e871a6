package org.tessera.crm.core.rest;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tessera.crm.core.api.rest.TesseraApi;
import org.tessera.crm.core.rest.security.PermissionFeature;

/**
 * The one JAX-RS application of the Tessera API, at {@code /tessera/api}. It declares no classes:
 * resources and extensions of this and every module bundle join it through the whiteboard by
 * selecting {@link TesseraApi#APPLICATION_SELECT}, and leave it when their bundle stops. It requires
 * the {@link PermissionFeature} extension: without it the application is not served at all, never
 * served unguarded.
 */
@Component(service = Application.class)
@JaxrsName(TesseraApi.APPLICATION_NAME)
@JaxrsApplicationBase(TesseraApi.APPLICATION_BASE)
@JaxrsExtensionSelect("(" + org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants.JAX_RS_NAME + "=" + PermissionFeature.NAME + ")")
public class TesseraApplication extends Application {
}
