package org.tessera.crm.core.modules;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.tessera.crm.core.api.module.ModuleDTO;
import org.tessera.crm.core.api.module.ModuleRegistry;

/** {@code tessera:modules}: the installed modules, what they contribute, their schema version and their state on each node. */
@Service
@Command(scope = "tessera", name = "modules", description = "Lists the installed Tessera modules")
public class ModulesCommand implements Action {

    @Reference
    Session session;

    @Reference
    ModuleRegistry registry;

    @Reference
    ModuleCluster cluster;

    @Override
    public Object execute() {
        PrintStream out = session.getConsole();
        out.printf("%-12s %-16s %-10s %-28s %s%n", "Module", "Version", "State", "Schema", "Feature");
        java.util.List<ModuleDTO> modules = registry.modules();
        cluster.describe(modules);
        for (ModuleDTO module : modules) {
            out.printf("%-12s %-16s %-10s %-28s %s%n", module.name, module.version, module.state,
                    module.schemaVersion == null ? "-" : module.schemaVersion, module.feature == null ? "-" : module.feature);
            out.println("    permissions:      " + String.join(", ", module.permissions));
            out.println("    extension points: " + String.join(", ", module.extensionPoints));
            if (module.desiredState != null) {
                out.println("    desired:          " + module.desiredState + " (version " + module.desiredVersion + ")");
            }
            module.nodes.forEach(node -> out.println("    node " + node.nodeId + ": " + node.state
                    + (node.version == null ? "" : " (version " + node.version + ")") + (node.detail == null ? "" : ": " + node.detail)));
        }
        return null;
    }
}
