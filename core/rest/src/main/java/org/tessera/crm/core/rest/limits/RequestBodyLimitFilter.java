package org.tessera.crm.core.rest.limits;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.metatype.annotations.Designate;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * Bounds the body of every request to every Tessera application, the core's and each module's:
 * a declared Content-Length beyond the limit is answered 413 before anything reads the body, and
 * a body without one (chunked) is cut off with the same 413 when a reader goes past the limit. An
 * import (NDJSON, CSV) streams its rows, and has a limit of its own.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = RequestLimitsConfig.PID)
@Designate(ocd = RequestLimitsConfig.class)
@JaxrsExtension
@JaxrsApplicationSelect(TesseraApi.EXTENSIONS_SELECT)
@PreMatching
public class RequestBodyLimitFilter implements ContainerRequestFilter {
    static final String MAX_BODY_KEY = RequestLimitsConfig.PID + "/maxBodyBytes";
    static final String MAX_IMPORT_BODY_KEY = RequestLimitsConfig.PID + "/maxImportBodyBytes";

    private volatile RequestLimitsConfig config;

    @Activate
    public RequestBodyLimitFilter(RequestLimitsConfig config) {
        this.config = config;
    }

    /** A new limit applies to the next request; re-registering the extension would rebuild every application. */
    @Modified
    void modified(RequestLimitsConfig changed) {
        this.config = changed;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        RequestLimitsConfig limits = config;
        boolean isImport = BodyLimits.isImport(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
        long limit = isImport ? limits.maxImportBodyBytes() : limits.maxBodyBytes();
        String key = isImport ? MAX_IMPORT_BODY_KEY : MAX_BODY_KEY;
        if (declaredLength(request) > limit) {
            request.abortWith(BodyLimits.tooLarge(limit, key).getResponse());
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit, key));
        }
    }

    private static long declaredLength(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException malformed) {
            return -1; // the HTTP server refuses a malformed length before we are called
        }
    }
}
