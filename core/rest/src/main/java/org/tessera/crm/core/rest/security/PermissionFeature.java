package org.tessera.crm.core.rest.security;

import java.lang.reflect.Method;

import javax.ws.rs.Priorities;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.FeatureContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tessera.crm.core.kit.rest.TesseraApi;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RequiresPermission;

/**
 * Puts a {@link PermissionFilter} in front of every resource method of the Tessera applications,
 * the core's and every module's, with the permission its {@link RequiresPermission} names (on
 * the method, else on its class), or none. The application requires this extension by name, so
 * that it is never served unguarded.
 */
@Component(service = DynamicFeature.class)
@JaxrsExtension
@JaxrsName(PermissionFeature.NAME)
@JaxrsApplicationSelect(TesseraApi.EXTENSIONS_SELECT)
public class PermissionFeature implements DynamicFeature {
    public static final String NAME = TesseraApi.SECURITY_EXTENSION_NAME;

    private final RequestAuthenticator authenticator;
    private final CallerContext callers;

    @Activate
    public PermissionFeature(@Reference(name = "authenticator") RequestAuthenticator authenticator,
            @Reference(name = "callers") CallerContext callers) {
        this.authenticator = authenticator;
        this.callers = callers;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        context.register(new PermissionFilter(requiredPermission(resource), authenticator, callers), Priorities.AUTHENTICATION);
    }

    static String requiredPermission(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        RequiresPermission declared = method == null ? null : method.getAnnotation(RequiresPermission.class);
        if (declared == null && resource.getResourceClass() != null) {
            declared = resource.getResourceClass().getAnnotation(RequiresPermission.class);
        }
        return declared == null ? null : declared.value();
    }
}
