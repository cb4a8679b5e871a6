package org.tessera.crm.core.modules;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Where module updates may come from, and how this node follows the modules' desired state, in
 * {@code etc/org.tessera.crm.modules.cfg}.
 */
@ObjectClassDefinition(name = "Tessera modules", description = "Module lifecycle operations")
public @interface ModulesConfig {
    String PID = "org.tessera.crm.modules";

    @AttributeDefinition(description = "Prefixes of the locations a module bundle may be updated from: mvn: coordinates of a"
            + " trusted group (mvn:org.tessera.crm/) or file: directories (file:${karaf.home}/system/). Anything else is refused")
    String[] allowedLocations() default {"mvn:org.tessera.crm/", "mvn:org.tessera.crm.examples/", "file:${karaf.home}/system/"};

    @AttributeDefinition(description = "This node's id among the nodes sharing the database; empty: the host name and the"
            + " installation's folder, e.g. crm-1:/opt/tessera")
    String nodeId() default "";

    @AttributeDefinition(description = "Seconds between two comparisons of the modules' desired state with this node's features")
    int reconcileSeconds() default 5;

    @AttributeDefinition(description = "Longest delay, in seconds, before a failed convergence of a module is tried again"
            + " (the delay doubles from reconcileSeconds at each failure)")
    int retryMaxSeconds() default 300;

    @AttributeDefinition(description = "Hours after which a node that gave no heartbeat is forgotten, with its module states")
    int forgetNodeAfterHours() default 24;
}
