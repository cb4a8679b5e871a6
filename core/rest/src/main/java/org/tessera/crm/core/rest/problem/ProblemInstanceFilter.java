package org.tessera.crm.core.rest.problem;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemException;
import org.tessera.crm.core.kit.rest.TesseraApi;

/**
 * Sets a problem's {@code instance} to the request path. A filter rather than each mapper,
 * because a {@link ProblemException} carries its response past the mappers, as JAX-RS requires
 * for an exception whose response has an entity.
 */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(TesseraApi.EXTENSIONS_SELECT)
public class ProblemInstanceFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem && problem.instance == null) {
            // the absolute path, not the request URI: decoding a malformed query string would throw here
            problem.instance = request.getUriInfo().getAbsolutePath().getRawPath();
        }
    }
}
