package org.tessera.crm.core.rest.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.TreeMap;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.ObjectMappers;

/**
 * {@code GET /openapi.json}: the OpenAPI document of the API as installed, merged from the
 * {@value TesseraApi#OPENAPI_RESOURCE} of every ACTIVE bundle, so a module's paths appear when it
 * starts and leave when it stops. Kept out of the package the build-time generator scans.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@JSONRequired
@Path("/openapi.json")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(RequiresPermission.ANONYMOUS)
public class OpenApiResource {
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiResource.class);

    private final ObjectMapper mapper = ObjectMappers.create();
    private final BundleTracker<JsonNode> documents;

    @Activate
    public OpenApiResource(BundleContext context) {
        documents = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public JsonNode addingBundle(Bundle bundle, BundleEvent event) {
                return readDocument(bundle);
            }
        };
        documents.open();
    }

    @Deactivate
    void deactivate() {
        documents.close();
    }

    @GET
    public ObjectNode document() {
        // by bundle id, so the merge (first wins) is the same on every call and every node
        Map<Long, JsonNode> byBundleId = new TreeMap<>();
        documents.getTracked().forEach((bundle, document) -> byBundleId.put(bundle.getBundleId(), document));
        return OpenApiDocuments.merge(byBundleId.values());
    }

    /** The bundle's document, or {@code null} (not tracked) when it ships none or an unreadable one. */
    private JsonNode readDocument(Bundle bundle) {
        // getEntry reads the bundle's own jar only: no class loading, no resolution side effects
        URL entry = bundle.getEntry(TesseraApi.OPENAPI_RESOURCE);
        if (entry == null) {
            return null;
        }
        try (InputStream in = entry.openStream()) {
            return mapper.readTree(in);
        } catch (IOException e) {
            LOG.warn("Ignoring the unreadable OpenAPI document of bundle {}", bundle.getSymbolicName(), e);
            return null;
        }
    }
}
