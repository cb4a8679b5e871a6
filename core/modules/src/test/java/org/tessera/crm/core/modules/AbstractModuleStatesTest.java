package org.tessera.crm.core.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.testkit.TestDatabase;

/**
 * The module state tables (changeset 093) and two nodes converging through them, on a real
 * database: the optimistic lock of the desired state, the nodes' rows and heartbeats, and a
 * reconciler following another node's changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractModuleStatesTest {
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private TestDatabase db;
    private ModuleStates states;

    protected abstract TestDatabase startDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        db = startDatabase();
        db.migrateCore();
        states = new ModuleStates(db.dataSource());
    }

    @AfterAll
    void stop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement s = connection.createStatement()) {
            s.executeUpdate("DELETE FROM module_node_state");
            s.executeUpdate("DELETE FROM module_node");
            s.executeUpdate("DELETE FROM module_desired_state");
        }
    }

    private DesiredState publish(ModuleStates on, String operation, String bundle, String location, Instant at) {
        return on.publish("sales", current -> current == null
                ? DesiredState.create("sales", operation, "tessera-sales", "1.0.0", bundle, location, 1, "admin", at)
                : current.next(operation, current.featureName(), current.featureVersion(), bundle, location, "admin", at));
    }

    @Test
    void eachChangeOfTheDesiredStateRaisesItsVersion() {
        DesiredState installed = publish(states, DesiredState.INSTALL, null, null, T0);
        assertEquals(1, installed.version());
        DesiredState updated = publish(states, DesiredState.UPDATE, "org.tessera.crm.sales.impl", "mvn:org.tessera.crm/sales/2", T0.plusSeconds(1));
        assertEquals(2, updated.version());

        DesiredState read = states.desired("sales").orElseThrow();
        assertEquals(updated, read);
        assertEquals(DesiredState.INSTALLED, read.desired());
        assertEquals("mvn:org.tessera.crm/sales/2", read.updateLocation());
        assertEquals(T0.plusSeconds(1), read.changedAt());

        DesiredState uninstalled = publish(states, DesiredState.UNINSTALL, null, null, T0.plusSeconds(2));
        assertEquals(3, uninstalled.version());
        assertEquals(DesiredState.UNINSTALLED, states.desired().get("sales").desired());
        assertNull(states.desired().get("sales").updateLocation(), "an uninstall forgets the update's build");
    }

    @Test
    void aChangeThatLostTheRaceToAnotherNodesIsMadeAgainOnTopOfIt() {
        publish(states, DesiredState.INSTALL, null, null, T0);
        ModuleStates otherNode = new ModuleStates(db.dataSource());
        AtomicInteger attempts = new AtomicInteger();
        DesiredState written = states.publish("sales", current -> {
            if (attempts.incrementAndGet() == 1) {
                // another node changes it between this node's read and its write
                publish(otherNode, DesiredState.UPDATE, null, null, T0.plusSeconds(1));
            }
            return current.next(DesiredState.UNINSTALL, current.featureName(), current.featureVersion(), null, null, "admin",
                    T0.plusSeconds(2));
        });
        assertEquals(2, attempts.get());
        assertEquals(3, written.version(), "written over the other node's version 2, not over the version 1 it first read");
        assertEquals(DesiredState.UNINSTALLED, states.desired("sales").orElseThrow().desired());
    }

    @Test
    void aFirstStateThatLostTheRaceIsMadeAgainOnTopOfTheOtherNodes() {
        ModuleStates otherNode = new ModuleStates(db.dataSource());
        AtomicInteger attempts = new AtomicInteger();
        DesiredState written = states.publish("sales", current -> {
            if (attempts.incrementAndGet() == 1) {
                publish(otherNode, DesiredState.INSTALL, null, null, T0);
                return DesiredState.create("sales", DesiredState.UNINSTALL, "tessera-sales", "1.0.0", null, null, 1, "admin", T0);
            }
            return current.next(DesiredState.UNINSTALL, current.featureName(), current.featureVersion(), null, null, "admin", T0);
        });
        assertEquals(2, attempts.get());
        assertEquals(2, written.version());
        assertEquals(DesiredState.UNINSTALLED, states.desired("sales").orElseThrow().desired());
    }

    @Test
    void theTableRefusesAStateThatIsNeitherInstalledNorUninstalled() throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement s = connection.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO module_desired_state"
                    + " (module_name, desired, feature_name, feature_version, operation, version, changed_by, changed_at)"
                    + " VALUES ('sales', 'MAYBE', 'tessera-sales', '1.0.0', 'install', 1, 'admin', CURRENT_TIMESTAMP)"));
            assertTrue(refused.getSQLState().startsWith("23"), refused.getSQLState());
        }
    }

    @Test
    void aNodesRowIsReplacedAndReadWithItsHeartbeat() {
        states.heartbeat("node-a", T0, true);
        states.heartbeat("node-a", T0.plusSeconds(5), false);
        states.observe(new NodeState("node-a", "sales", DesiredState.INSTALLED, 1, null, 0, T0, null));
        states.observe(new NodeState("node-a", "sales", NodeState.FAILED, 1, "x".repeat(5000), 2, T0.plusSeconds(5), null));
        states.observe(new NodeState("node-b", "dealer", NodeState.LOCAL_ONLY, null, null, 0, T0, null));

        List<NodeState> observed = states.observed();
        assertEquals(2, observed.size());
        NodeState dealer = observed.get(0);
        assertEquals("dealer", dealer.module());
        assertNull(dealer.version());
        assertNull(dealer.nodeSeen(), "node-b gave no heartbeat");
        NodeState sales = observed.get(1);
        assertEquals(NodeState.FAILED, sales.state());
        assertEquals(2, sales.failures());
        assertEquals(2000, sales.detail().length(), "a long message is cut to the column");
        assertEquals(T0.plusSeconds(5), sales.nodeSeen());
        assertEquals(Set.of("sales"), states.observed("node-a").keySet());

        states.forget("node-a", "sales");
        assertEquals(Set.of(), states.observed("node-a").keySet());
    }

    @Test
    void aNodesFirstBeatSinceItStartedRecordsItsStart() throws SQLException {
        states.heartbeat("node-a", T0, true);
        states.heartbeat("node-a", T0.plusSeconds(5), false);
        states.heartbeat("node-a", T0.plusSeconds(60), true);
        states.heartbeat("node-a", T0.plusSeconds(65), false);
        try (Connection connection = db.dataSource().getConnection(); Statement s = connection.createStatement();
                java.sql.ResultSet row = s.executeQuery("SELECT started_at, seen_at FROM module_node WHERE node_id = 'node-a'")) {
            assertTrue(row.next());
            assertEquals(T0.plusSeconds(60), row.getTimestamp(1).toInstant());
            assertEquals(T0.plusSeconds(65), row.getTimestamp(2).toInstant());
        }
    }

    @Test
    void nodesWithoutAHeartbeatForLongAreForgottenWithTheirRows() {
        states.heartbeat("gone", T0, true);
        states.heartbeat("alive", T0.plus(2, ChronoUnit.DAYS), true);
        states.observe(new NodeState("gone", "sales", DesiredState.INSTALLED, 1, null, 0, T0, null));
        states.observe(new NodeState("alive", "sales", DesiredState.INSTALLED, 1, null, 0, T0, null));

        assertEquals(1, states.forgetNodesNotSeenSince(T0.plus(1, ChronoUnit.DAYS)));
        assertEquals(List.of("alive"), states.observed().stream().map(NodeState::nodeId).toList());
    }

    /** A node's features, as the reconciler sees them through the module lifecycle. */
    private static final class FakeNode implements Reconciler.LocalModules {
        final Set<String> installed = new TreeSet<>();
        final List<String> operations = new ArrayList<>();
        String failWith;

        @Override
        public Set<String> installed() {
            return Set.copyOf(installed);
        }

        @Override
        public boolean installedHere(String module) {
            return installed.contains(module);
        }

        @Override
        public void converge(Reconciliation.Action action, DesiredState desired) {
            operations.add(action + " " + desired.module() + " v" + desired.version());
            if (failWith != null) {
                throw new IllegalStateException(failWith);
            }
            switch (action) {
                case INSTALL -> installed.add(desired.module());
                case UNINSTALL -> installed.remove(desired.module());
                case UPDATE -> { }
            }
        }
    }

    private static final class MovingClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private Reconciler reconciler(String node, FakeNode local, Clock clock) {
        return new Reconciler(node, states, local, Runnable::run, clock, Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofHours(24));
    }

    private NodeState stateOf(String node, String module) {
        return states.observed(node).get(module);
    }

    @Test
    void aNodeConvergesToAnotherNodesChangesAndRecordsWhatItDid() {
        MovingClock clock = new MovingClock();
        FakeNode nodeB = new FakeNode();
        Reconciler b = reconciler("node-b", nodeB, clock);
        b.pass();
        assertEquals(List.of(), nodeB.operations);

        // node A installs sales through the API
        publish(states, DesiredState.INSTALL, null, null, T0);
        b.pass();
        assertEquals(List.of("INSTALL sales v1"), nodeB.operations);
        assertEquals(new NodeState("node-b", "sales", DesiredState.INSTALLED, 1, null, 0, T0, T0), stateOf("node-b", "sales"));

        b.pass();
        assertEquals(1, nodeB.operations.size(), "desired == actual: nothing more to do");

        publish(states, DesiredState.UPDATE, "org.tessera.crm.sales.impl", "mvn:org.tessera.crm/sales/2", T0);
        b.pass();
        publish(states, DesiredState.UNINSTALL, null, null, T0);
        b.pass();
        assertEquals(List.of("INSTALL sales v1", "UPDATE sales v2", "UNINSTALL sales v3"), nodeB.operations);
        assertEquals(DesiredState.UNINSTALLED, stateOf("node-b", "sales").state());
        assertEquals(3, stateOf("node-b", "sales").version());
    }

    @Test
    void aFailureIsRecordedAndTriedAgainAfterADelayThatGrows() {
        MovingClock clock = new MovingClock();
        FakeNode nodeB = new FakeNode();
        nodeB.failWith = "feature tessera-sales/1.0.0 is not known on this node";
        Reconciler b = reconciler("node-b", nodeB, clock);
        publish(states, DesiredState.INSTALL, null, null, T0);

        b.pass();
        NodeState failed = stateOf("node-b", "sales");
        assertEquals(NodeState.FAILED, failed.state());
        assertEquals("install failed: feature tessera-sales/1.0.0 is not known on this node", failed.detail());
        assertEquals(1, failed.failures());
        assertNull(failed.version(), "it never converged");

        clock.now = T0.plusSeconds(4);
        b.pass();
        assertEquals(1, nodeB.operations.size(), "not before the first delay (5 s)");
        clock.now = T0.plusSeconds(5);
        b.pass();
        assertEquals(2, nodeB.operations.size());
        assertEquals(2, stateOf("node-b", "sales").failures());
        clock.now = T0.plusSeconds(14);
        b.pass();
        assertEquals(2, nodeB.operations.size(), "the second delay is 10 s");

        nodeB.failWith = null;
        clock.now = T0.plusSeconds(15);
        b.pass();
        assertEquals(3, nodeB.operations.size());
        assertEquals(new NodeState("node-b", "sales", DesiredState.INSTALLED, 1, null, 0, clock.now, clock.now), stateOf("node-b", "sales"));
    }

    @Test
    void aNewChangeIsTriedAtOnceWhateverTheDelayOfTheFailedOne() {
        MovingClock clock = new MovingClock();
        FakeNode nodeB = new FakeNode();
        nodeB.failWith = "no";
        Reconciler b = reconciler("node-b", nodeB, clock);
        publish(states, DesiredState.INSTALL, null, null, T0);
        b.pass();
        nodeB.failWith = null;
        publish(states, DesiredState.UPDATE, "org.tessera.crm.sales.impl", "mvn:org.tessera.crm/sales/2", T0);
        b.pass();
        assertEquals(List.of("INSTALL sales v1", "INSTALL sales v2", "UPDATE sales v2"), nodeB.operations,
                "a node that never installed it installs it, then takes the update's build");
    }

    @Test
    void whatAnOperatorDidByHandIsLeftAloneAndReported() {
        MovingClock clock = new MovingClock();
        FakeNode nodeB = new FakeNode();
        nodeB.installed.add("dealer");
        Reconciler b = reconciler("node-b", nodeB, clock);
        publish(states, DesiredState.INSTALL, null, null, T0);
        b.pass();
        assertEquals(NodeState.LOCAL_ONLY, stateOf("node-b", "dealer").state());

        nodeB.installed.remove("sales"); // feature:uninstall on node B's console
        b.pass();
        assertEquals(List.of("INSTALL sales v1"), nodeB.operations);
        NodeState drifted = stateOf("node-b", "sales");
        assertEquals(NodeState.DRIFTED, drifted.state());
        assertEquals(1, drifted.version());

        nodeB.installed.remove("dealer");
        b.pass();
        assertNull(stateOf("node-b", "dealer"), "gone from the node and never desired: forgotten");

        // node B restarts: it converges what differs
        clock.now = T0.plusSeconds(60);
        Reconciler restarted = reconciler("node-b", nodeB, clock);
        restarted.pass();
        assertEquals(List.of("INSTALL sales v1", "INSTALL sales v1"), nodeB.operations);
        assertEquals(DesiredState.INSTALLED, stateOf("node-b", "sales").state());
    }

    @Test
    void onTheNodeThatMadeTheChangeAPassFindsNothingToDo() {
        MovingClock clock = new MovingClock();
        FakeNode nodeA = new FakeNode();
        Reconciler a = reconciler("node-a", nodeA, clock);
        // what ModuleLifecycle does: the operation here, then the desired state, then this node's state
        nodeA.installed.add("sales");
        DesiredState published = publish(states, DesiredState.INSTALL, null, null, T0);
        new ModuleCluster("node-a", states, clock).converged(published);

        a.pass();
        a.pass();
        assertEquals(List.of(), nodeA.operations);
        assertEquals(new NodeState("node-a", "sales", DesiredState.INSTALLED, 1, null, 0, T0, T0), stateOf("node-a", "sales"));
        Map<String, DesiredState> desired = states.desired();
        assertEquals(1, desired.get("sales").version());
    }

    @Test
    void aModuleListShowsTheDesiredStateAndEachNodesState() {
        MovingClock clock = new MovingClock();
        ModuleCluster cluster = new ModuleCluster("node-a", states, clock);
        states.heartbeat("node-a", T0, true);
        states.heartbeat("node-b", T0.plusSeconds(3), true);
        cluster.converged(publish(states, DesiredState.INSTALL, null, null, T0));
        states.observe(new NodeState("node-b", "sales", NodeState.FAILED, null, "install failed: no", 1, T0.plusSeconds(2), null));
        org.tessera.crm.core.api.module.ModuleDTO sales = new org.tessera.crm.core.api.module.ModuleDTO();
        sales.name = "sales";
        org.tessera.crm.core.api.module.ModuleDTO dealer = new org.tessera.crm.core.api.module.ModuleDTO();
        dealer.name = "dealer";

        cluster.describe(List.of(sales, dealer));

        assertEquals(DesiredState.INSTALLED, sales.desiredState);
        assertEquals(1, sales.desiredVersion);
        assertEquals(List.of("node-a INSTALLED 1 null " + T0, "node-b FAILED null install failed: no " + T0.plusSeconds(3)),
                sales.nodes.stream().map(node -> node.nodeId + " " + node.state + " " + node.version + " " + node.detail + " "
                        + node.lastSeen).toList());
        assertNull(dealer.desiredState);
        assertEquals(List.of(), dealer.nodes);
    }

    @Test
    void thePurgeKnowsTheOtherNodesThatMayStillHaveTheModule() {
        ModuleCluster nodeA = new ModuleCluster("node-a", states, new MovingClock());
        publish(states, DesiredState.UNINSTALL, null, null, T0);
        states.observe(new NodeState("node-a", "sales", DesiredState.INSTALLED, 1, null, 0, T0, null));
        states.observe(new NodeState("node-b", "sales", DesiredState.UNINSTALLED, 1, null, 0, T0, null));
        states.observe(new NodeState("node-c", "sales", NodeState.FAILED, null, "uninstall failed: busy", 1, T0, null));
        states.observe(new NodeState("node-d", "sales", NodeState.LOCAL_ONLY, null, null, 0, T0, null));
        states.observe(new NodeState("node-e", "dealer", DesiredState.INSTALLED, 1, null, 0, T0, null));

        assertEquals(List.of("node-c", "node-d"), nodeA.nodesHaving("sales"), "not this node's own row, nor node b which uninstalled it");
        publish(states, DesiredState.INSTALL, null, null, T0);
        assertEquals(List.of("node-d"), nodeA.nodesHaving("sales"), "a failed install leaves nothing installed");
    }

    @Test
    void aChangeByHandRightAfterTheNodesOwnOperationIsLeftAloneEvenBeforeAnyPass() {
        MovingClock clock = new MovingClock();
        FakeNode nodeA = new FakeNode();
        Reconciler a = reconciler("node-a", nodeA, clock);
        clock.now = T0.plusSeconds(1);
        nodeA.installed.add("sales");
        new ModuleCluster("node-a", states, clock).converged(publish(states, DesiredState.INSTALL, null, null, clock.now));
        nodeA.installed.remove("sales"); // feature:uninstall on the console before the reconciler looked

        a.pass();
        assertEquals(List.of(), nodeA.operations);
        assertEquals(NodeState.DRIFTED, stateOf("node-a", "sales").state());
    }
}
