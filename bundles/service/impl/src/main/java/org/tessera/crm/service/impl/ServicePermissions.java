package org.tessera.crm.service.impl;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tessera.crm.core.api.security.PermissionProvider;
import org.tessera.crm.service.api.RequestService;

/** The permissions the module checks; roles can be granted them only while the module is installed. */
@Component
public class ServicePermissions implements PermissionProvider {
    public static final String REQUEST_READ = "service.request.read";
    public static final String REQUEST_WRITE = "service.request.write";
    /** Statuses, types, queues, assignment rules, templates, calendars and SLA policies. */
    public static final String SETUP = "service.setup";
    /** Runs a scheduler sweep now and moves the test clock (when the configuration allows it). */
    public static final String SLA_ADMIN = "service.sla.admin";

    @Override
    public String module() {
        return RequestService.MODULE;
    }

    @Override
    public Set<String> permissions() {
        return Set.of(REQUEST_READ, REQUEST_WRITE, SETUP, SLA_ADMIN);
    }
}
