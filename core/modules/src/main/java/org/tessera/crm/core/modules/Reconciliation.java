package org.tessera.crm.core.modules;

import java.util.List;

/**
 * What a node does about one module to converge to its desired state: pure decisions, so that
 * tests pin them. A node acts on each change of the desired state it has not seen yet (its
 * {@code version} above the one the node converged to), and once at its start on whatever
 * differs, so that a node that was down or starts empty catches up. Between changes, what an
 * operator did by hand on the node (the Karaf console) is left alone and reported: a module
 * installed with no desired state is {@code LOCAL_ONLY}, one changed since the node converged is
 * {@code DRIFTED}.
 */
final class Reconciliation {
    enum Action { INSTALL, UPDATE, UNINSTALL }

    /**
     * @param actions what to run, in order; empty when nothing is to be done
     * @param state   the state to record when there is nothing to run (null: forget the node's row)
     * @param detail  why the state is what it is; null when all is well
     */
    record Decision(List<Action> actions, String state, String detail) {
        static Decision record(String state, String detail) {
            return new Decision(List.of(), state, detail);
        }

        static Decision run(Action... actions) {
            return new Decision(List.of(actions), null, null);
        }
    }

    private Reconciliation() {
    }

    /**
     * @param desired         the module's desired state; null when nobody asked for one
     * @param installedHere   whether the module's feature is installed on this node
     * @param convergedTo     the desired version this node last converged to; null when never
     * @param seenSinceStart  whether this node already looked at the module since it started
     */
    static Decision decide(DesiredState desired, boolean installedHere, Integer convergedTo, boolean seenSinceStart) {
        if (desired == null) {
            return installedHere
                    ? Decision.record(NodeState.LOCAL_ONLY, "installed on this node with no desired state (a boot feature, or the Karaf console): left alone")
                    : Decision.record(null, null);
        }
        boolean changeSeen = convergedTo != null && convergedTo >= desired.version();
        if (changeSeen && seenSinceStart) {
            if (desired.installed() == installedHere) {
                return Decision.record(desired.desired(), null);
            }
            return Decision.record(NodeState.DRIFTED, (installedHere ? "installed" : "uninstalled") + " on this node by hand since it"
                    + " converged to version " + convergedTo + ": left alone until the next change or restart");
        }
        if (!desired.installed()) {
            return installedHere ? Decision.run(Action.UNINSTALL) : Decision.record(DesiredState.UNINSTALLED, null);
        }
        boolean newBuild = desired.updateLocation() != null;
        if (!installedHere) {
            // a fresh install brings the feature's bundles: the build of the last update goes over them again
            return newBuild ? Decision.run(Action.INSTALL, Action.UPDATE) : Decision.run(Action.INSTALL);
        }
        if (!changeSeen && DesiredState.UPDATE.equals(desired.operation())) {
            return Decision.run(Action.UPDATE);
        }
        return Decision.record(DesiredState.INSTALLED, null);
    }
}
