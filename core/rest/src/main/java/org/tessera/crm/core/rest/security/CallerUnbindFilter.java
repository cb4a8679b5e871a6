package org.tessera.crm.core.rest.security;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.api.security.CallerContext;

/** Unbinds the request's caller once the response is ready, so that the pooled thread forgets it. */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(TesseraApi.EXTENSIONS_SELECT)
public class CallerUnbindFilter implements ContainerResponseFilter {
    private final CallerContext callers;

    @Activate
    public CallerUnbindFilter(@Reference(name = "callers") CallerContext callers) {
        this.callers = callers;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        callers.unbind();
    }
}
