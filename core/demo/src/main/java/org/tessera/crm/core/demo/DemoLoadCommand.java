package org.tessera.crm.core.demo;

import java.time.Clock;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.security.CallerContext;

/** {@code tessera:demo-load}: loads the demo data set into an empty CRM. */
@Service
@Command(scope = "tessera", name = "demo-load",
        description = "Loads demo data: org units, agents, a few hundred parties with contacts, relationships and activities")
public class DemoLoadCommand implements Action {

    @Option(name = "-p", aliases = "--persons", description = "Number of persons to create (default 240)")
    int persons = 240;

    @Reference
    Session session;

    @Reference
    PartyService parties;

    @Reference
    ActivityService activities;

    @Reference
    OrgService org;

    @Reference
    CallerContext callers;

    @Override
    public Object execute() {
        // Printed to the session's console rather than returned: a returned value is not shown
        // when the command is piped into bin/client in batch mode.
        // no API client here: the loading is the system's work (a thread with no caller may do nothing)
        session.getConsole().println(callers.callAsSystem(this::load));
        return null;
    }

    private String load() {
        if (persons < 1 || persons > 100_000) {
            throw new IllegalArgumentException("--persons must be between 1 and 100000");
        }
        long started = System.nanoTime();
        DemoLoader.Summary summary = new DemoLoader(parties, activities, org, Clock.systemUTC()).load(persons);
        if (summary.alreadyLoaded()) {
            return "Demo data is already loaded (org unit " + DemoLoader.MARKER_ORG_UNIT + " exists); nothing done.";
        }
        return String.format("Demo data loaded in %d ms: %d org units, %d agents, %d parties, %d relationships, %d activities.",
                (System.nanoTime() - started) / 1_000_000, summary.orgUnits(), summary.agents(), summary.parties(),
                summary.relationships(), summary.activities());
    }
}
