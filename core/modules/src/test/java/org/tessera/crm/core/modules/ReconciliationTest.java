package org.tessera.crm.core.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.modules.Reconciliation.Action;
import org.tessera.crm.core.modules.Reconciliation.Decision;

class ReconciliationTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static DesiredState desired(String operation, int version) {
        return DesiredState.create("sales", operation, "tessera-sales", "1.0.0", null, null, version, "admin", NOW);
    }

    private static DesiredState updatedFrom(String location, int version) {
        return DesiredState.create("sales", DesiredState.UPDATE, "tessera-sales", "1.0.0", "org.tessera.crm.sales.impl", location,
                version, "admin", NOW);
    }

    private static void assertActions(Decision decision, Action... actions) {
        assertEquals(List.of(actions), decision.actions());
    }

    @Test
    void aModuleNobodyAskedForIsLeftAloneAndReportedLocalOnly() {
        Decision installedByHand = Reconciliation.decide(null, true, null, false);
        assertActions(installedByHand);
        assertEquals(NodeState.LOCAL_ONLY, installedByHand.state());

        Decision absent = Reconciliation.decide(null, false, null, true);
        assertActions(absent);
        assertNull(absent.state(), "nothing to record: the node's row, if any, is forgotten");
    }

    @Test
    void aNodeWithoutTheModuleInstallsIt() {
        assertActions(Reconciliation.decide(desired(DesiredState.INSTALL, 1), false, null, false), Action.INSTALL);
        assertActions(Reconciliation.decide(desired(DesiredState.INSTALL, 3), false, 2, true), Action.INSTALL);
    }

    @Test
    void aNodeThatHasTheModuleUninstallsIt() {
        assertActions(Reconciliation.decide(desired(DesiredState.UNINSTALL, 2), true, 1, true), Action.UNINSTALL);
        assertActions(Reconciliation.decide(desired(DesiredState.UNINSTALL, 2), true, null, false), Action.UNINSTALL);
    }

    @Test
    void desiredEqualsActualRecordsTheDesiredState() {
        Decision installed = Reconciliation.decide(desired(DesiredState.INSTALL, 1), true, null, false);
        assertActions(installed);
        assertEquals(DesiredState.INSTALLED, installed.state());
        assertNull(installed.detail());
        Decision uninstalled = Reconciliation.decide(desired(DesiredState.UNINSTALL, 4), false, 4, true);
        assertActions(uninstalled);
        assertEquals(DesiredState.UNINSTALLED, uninstalled.state());
    }

    @Test
    void anUpdateNotSeenYetIsRunOnceOnANodeThatHasTheModule() {
        assertActions(Reconciliation.decide(desired(DesiredState.UPDATE, 5), true, 4, true), Action.UPDATE);
        assertActions(Reconciliation.decide(desired(DesiredState.UPDATE, 5), true, null, false), Action.UPDATE);
        Decision seen = Reconciliation.decide(desired(DesiredState.UPDATE, 5), true, 5, true);
        assertActions(seen);
        assertEquals(DesiredState.INSTALLED, seen.state());
        assertActions(Reconciliation.decide(desired(DesiredState.UPDATE, 5), true, 5, false));
    }

    @Test
    void aFreshInstallTakesTheLastUpdatesBuildAgain() {
        assertActions(Reconciliation.decide(updatedFrom("mvn:org.tessera.crm/sales/2.0.0", 3), false, null, false),
                Action.INSTALL, Action.UPDATE);
        // an update from each bundle's own location brings nothing a fresh install does not
        assertActions(Reconciliation.decide(desired(DesiredState.UPDATE, 3), false, null, false), Action.INSTALL);
    }

    @Test
    void aChangeByHandAfterConvergingIsLeftAloneAndReportedDrifted() {
        Decision uninstalledByHand = Reconciliation.decide(desired(DesiredState.INSTALL, 2), false, 2, true);
        assertActions(uninstalledByHand);
        assertEquals(NodeState.DRIFTED, uninstalledByHand.state());
        assertTrue(uninstalledByHand.detail().startsWith("uninstalled on this node by hand"), uninstalledByHand.detail());

        Decision installedByHand = Reconciliation.decide(desired(DesiredState.UNINSTALL, 2), true, 2, true);
        assertActions(installedByHand);
        assertEquals(NodeState.DRIFTED, installedByHand.state());
    }

    @Test
    void atItsStartANodeConvergesWhatDiffersEvenIfItSawTheChangeBefore() {
        assertActions(Reconciliation.decide(desired(DesiredState.INSTALL, 2), false, 2, false), Action.INSTALL);
        assertActions(Reconciliation.decide(desired(DesiredState.UNINSTALL, 2), true, 2, false), Action.UNINSTALL);
    }

    @Test
    void aNewChangeEndsADrift() {
        assertActions(Reconciliation.decide(desired(DesiredState.INSTALL, 3), false, 2, true), Action.INSTALL);
    }

    @Test
    void theRetryDelayDoublesUpToItsBound() {
        Duration first = Duration.ofSeconds(5);
        Duration longest = Duration.ofSeconds(300);
        assertEquals(Duration.ofSeconds(5), Reconciler.delay(1, first, longest));
        assertEquals(Duration.ofSeconds(10), Reconciler.delay(2, first, longest));
        assertEquals(Duration.ofSeconds(40), Reconciler.delay(4, first, longest));
        assertEquals(longest, Reconciler.delay(7, first, longest));
        assertEquals(longest, Reconciler.delay(10_000, first, longest));
    }
}
