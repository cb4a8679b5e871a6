package org.tessera.crm.core.rest;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.rest.security.PermissionFeature;

/**
 * The core's JAX-RS application, at {@code /tessera/api}. It declares no classes: the core's
 * resources join it through the whiteboard by selecting {@link TesseraApi#APPLICATION_SELECT}.
 * Modules serve theirs in applications of their own (see {@link TesseraApi}), so that a module
 * coming or going never rebuilds this one. It requires the {@link PermissionFeature} extension:
 * without it the application is not served at all, never served unguarded.
 */
@Component(service = Application.class, property = TesseraApi.API_PROPERTY + "=true")
@JaxrsName(TesseraApi.APPLICATION_NAME)
@JaxrsApplicationBase(TesseraApi.APPLICATION_BASE)
@JaxrsExtensionSelect(TesseraApi.SECURITY_EXTENSION_SELECT)
public class TesseraApplication extends Application {
}
