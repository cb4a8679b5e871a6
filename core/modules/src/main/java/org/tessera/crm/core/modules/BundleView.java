package org.tessera.crm.core.modules;

import java.util.List;
import java.util.Map;

/**
 * What the registry needs to know of one bundle: its identity, state, module and the services it
 * registered (their interfaces and properties). A plain value, so the assembly is testable.
 */
record BundleView(long id, String symbolicName, String version, int state, String module, List<ServiceView> services) {

    /** One registered service: its interface names and its properties. */
    record ServiceView(List<String> objectClass, Map<String, Object> properties) {
    }
}
