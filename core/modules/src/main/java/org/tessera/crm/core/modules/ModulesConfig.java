package org.tessera.crm.core.modules;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where module updates may come from, in {@code etc/org.tessera.crm.modules.cfg}. */
@ObjectClassDefinition(name = "Tessera modules", description = "Module lifecycle operations")
public @interface ModulesConfig {
    String PID = "org.tessera.crm.modules";

    @AttributeDefinition(description = "Prefixes of the locations a module bundle may be updated from: mvn: coordinates of a"
            + " trusted group (mvn:org.tessera.crm/) or file: directories (file:${karaf.home}/system/). Anything else is refused")
    String[] allowedLocations() default {"mvn:org.tessera.crm/", "mvn:org.tessera.crm.examples/", "file:${karaf.home}/system/"};
}
