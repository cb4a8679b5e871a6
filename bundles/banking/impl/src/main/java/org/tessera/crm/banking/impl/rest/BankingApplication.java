package org.tessera.crm.banking.impl.rest;

import javax.ws.rs.ApplicationPath;
import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * The pack's JAX-RS application, at {@code /tessera/api/v1/banking}: its own, so that installing or
 * removing the pack never rebuilds the core's; a Tessera API application, so it gets the core's
 * security, JSON and problem responses.
 */
@Component(service = Application.class, property = TesseraApi.API_PROPERTY + "=true")
@JaxrsName(BankingApplication.NAME)
@JaxrsApplicationBase(TesseraApi.APPLICATION_BASE + BankingApplication.PATH)
@JaxrsExtensionSelect(TesseraApi.SECURITY_EXTENSION_SELECT)
@ApplicationPath(BankingApplication.PATH)
public class BankingApplication extends Application {
    static final String NAME = "tessera.banking";
    static final String PATH = TesseraApi.VERSION_PATH + "/banking";
    static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
