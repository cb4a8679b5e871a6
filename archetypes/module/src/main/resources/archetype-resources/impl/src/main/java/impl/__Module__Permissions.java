package ${package}.impl;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tessera.crm.core.api.security.PermissionProvider;
import ${package}.api.${entity}Service;

/** The permissions the module checks; roles can be granted them only while the module is installed. */
@Component
public class ${Module}Permissions implements PermissionProvider {
    static final String ${entityName.toUpperCase()}_READ = "${module}.${entityName}.read";
    static final String ${entityName.toUpperCase()}_WRITE = "${module}.${entityName}.write";

    @Override
    public String module() {
        return ${entity}Service.MODULE;
    }

    @Override
    public Set<String> permissions() {
        return Set.of(${entityName.toUpperCase()}_READ, ${entityName.toUpperCase()}_WRITE);
    }
}
