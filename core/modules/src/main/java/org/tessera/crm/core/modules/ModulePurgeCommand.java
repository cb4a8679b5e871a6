package org.tessera.crm.core.modules;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code tessera:module-purge <module>}: drops an uninstalled module's tables and rows, after the
 * operator typed the module's name again (or gave it with {@code --confirm} in a script).
 */
@Service
@Command(scope = "tessera", name = "module-purge",
        description = "Irreversibly drops the tables and data of an uninstalled module")
public class ModulePurgeCommand implements Action {

    @Argument(index = 0, name = "module", required = true, description = "The module whose data to drop")
    String module;

    @Option(name = "--confirm", description = "The module name again, to confirm without a prompt")
    String confirm;

    @Reference
    Session session;

    @Reference
    ModuleLifecycle lifecycle;

    @Override
    public Object execute() throws IOException {
        PrintStream out = session.getConsole();
        String confirmation = confirm;
        if (confirmation == null) {
            out.println("This drops every table of module " + module + " with all its rows. It cannot be undone.");
            confirmation = session.readLine("Type the module name to confirm: ", null);
        }
        List<String> dropped = lifecycle.purge(module, confirmation == null ? null : confirmation.trim());
        out.println("Module " + module + " purged: dropped " + String.join(", ", dropped));
        return null;
    }
}
