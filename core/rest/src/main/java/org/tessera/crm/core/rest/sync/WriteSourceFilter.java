package org.tessera.crm.core.rest.sync;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.tessera.crm.core.api.sync.WriteSource;
import org.tessera.crm.core.kit.rest.ProblemException;
import org.tessera.crm.core.kit.rest.ProblemTypes;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * Binds the source system a request names in its {@value WriteSource#HEADER} header for the
 * services, which date the fields the request changes with it, and unbinds it when the response
 * is written. A malformed name is a 400 naming the header.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@JaxrsApplicationSelect(TesseraApi.EXTENSIONS_SELECT)
public class WriteSourceFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private final WriteSource sources;

    @Activate
    public WriteSourceFilter(@Reference(name = "sources") WriteSource sources) {
        this.sources = sources;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        sources.unbind();
        String named = request.getHeaderString(WriteSource.HEADER);
        if (named == null) {
            return;
        }
        String source = named.strip();
        if (!source.matches(WriteSource.PATTERN)) {
            request.abortWith(ProblemException.badInput(ProblemTypes.INVALID_PARAMETER, "Invalid header", WriteSource.HEADER,
                    "invalid", "a source system is 1 to 64 letters, digits, '.', '_' or '-'").getResponse());
            return;
        }
        sources.bind(source);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        sources.unbind();
    }
}
