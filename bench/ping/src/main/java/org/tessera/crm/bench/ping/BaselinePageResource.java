package org.tessera.crm.bench.ping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * The page the benchmark's Lighthouse scores of the web UI are compared with: a list of 50 parties
 * as static HTML, no script, no API call, from the same server, application and authentication as
 * the trivial endpoint. What the browser and the server cost when the UI costs nothing.
 */
@Component(service = BaselinePageResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path(TesseraApi.VERSION_PATH + "/bench/page")
public class BaselinePageResource {
    private final String page = read("baseline-page.html");

    @GET
    @RequiresPermission(CorePermissions.PARTY_READ)
    @Produces("text/html;charset=utf-8")
    public String page() {
        return page;
    }

    private static String read(String resource) {
        try (InputStream in = BaselinePageResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
