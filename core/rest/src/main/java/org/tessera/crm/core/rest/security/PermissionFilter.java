package org.tessera.crm.core.rest.security;

import javax.servlet.ServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.HttpHeaders;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RequiresPermission;

/**
 * Guards one resource method: authenticates the request, binds its caller for the services, and
 * lets it through only with the method's permission. A method that declares no permission is
 * refused to everybody (deny by default); {@link RequiresPermission#ANONYMOUS} ones to nobody.
 */
final class PermissionFilter implements ContainerRequestFilter {
    /** The key of the servlet request in a CXF message ({@code AbstractHTTPDestination.HTTP_REQUEST}). */
    static final String SERVLET_REQUEST = "HTTP.REQUEST";
    private final String required;
    private final RequestAuthenticator authenticator;
    private final CallerContext callers;

    /** @param required the method's permission, or {@code null} when it declares none */
    PermissionFilter(String required, RequestAuthenticator authenticator, CallerContext callers) {
        this.required = required;
        this.authenticator = authenticator;
        this.callers = callers;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        callers.unbind();
        if (RequiresPermission.ANONYMOUS.equals(required)) {
            return;
        }
        Authentication outcome = authenticator.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION), clientAddress());
        if (outcome instanceof Authentication.Authenticated authenticated) {
            callers.bind(authenticated.caller());
            if (required == null) {
                request.abortWith(SecurityProblems.forbidden("this operation declares no permission: it is denied to everybody"));
            } else if (!RequiresPermission.AUTHENTICATED.equals(required) && !authenticated.caller().hasPermission(required)) {
                request.abortWith(SecurityProblems.forbidden("permission " + required + " is required"));
            }
        } else if (outcome instanceof Authentication.Throttled throttled) {
            request.abortWith(SecurityProblems.throttled(Math.max(1, throttled.retryAfter().toSeconds())));
        } else {
            String detail = outcome instanceof Authentication.Refused refused ? refused.reason() : "credentials are required";
            request.abortWith(SecurityProblems.unauthorized(detail, request.getHeaderString(SecurityProblems.REQUESTED_WITH)));
        }
    }

    /**
     * The client's IP address, from the servlet request of the CXF message being served (JAX-RS
     * itself does not say; the Aries whiteboard runs on CXF); {@code null} when there is none
     * (then the throttle counts per login only).
     */
    static String clientAddress() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Object request = message == null ? null : message.get(SERVLET_REQUEST);
        return request instanceof ServletRequest servlet ? servlet.getRemoteAddr() : null;
    }
}
