package org.tessera.crm.insurance.impl.rest;

import javax.ws.rs.ApplicationPath;
import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * The pack's JAX-RS application, at {@code /tessera/api/v1/insurance}: its own, so that installing,
 * updating or removing the pack never rebuilds the core's or another module's.
 */
@Component(service = Application.class, property = TesseraApi.API_PROPERTY + "=true")
@JaxrsName(InsuranceApplication.NAME)
@JaxrsApplicationBase(TesseraApi.APPLICATION_BASE + InsuranceApplication.PATH)
@JaxrsExtensionSelect(TesseraApi.SECURITY_EXTENSION_SELECT)
@ApplicationPath(InsuranceApplication.PATH)
public class InsuranceApplication extends Application {
    static final String NAME = "tessera.insurance";
    static final String PATH = TesseraApi.VERSION_PATH + "/insurance";
    static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
