package org.tessera.crm.core.modules;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.module.ModuleDTO;
import org.tessera.crm.core.api.module.ModuleNodeDTO;
import org.tessera.crm.core.api.schema.SchemaReady;

/**
 * This node among the nodes sharing the database, for the modules: its id, the module state
 * tables ({@link ModuleStates}), and the lock that keeps this node's module operations one at a
 * time, whether an administrator or the {@link ModuleReconciler} runs them, so that the state a
 * node records is the one it just brought about.
 */
@Component(service = ModuleCluster.class, configurationPid = ModulesConfig.PID)
public class ModuleCluster {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleCluster.class);

    private final String nodeId;
    private final ModuleStates states;
    private final Clock clock;
    private final ReentrantLock operations = new ReentrantLock();

    /** {@code coreSchema} is only waited for: the state tables are the core schema's (changeset 093). */
    @Activate
    public ModuleCluster(@Reference(name = "dataSource", target = "(osgi.jndi.service.name=tessera)") DataSource dataSource,
            @Reference(name = "schema", target = SchemaReady.CORE_TARGET) SchemaReady coreSchema, ModulesConfig config) {
        this(NodeIds.of(config), new ModuleStates(dataSource), Clock.systemUTC());
        LOG.info("Modules: this node is {}", nodeId);
    }

    ModuleCluster(String nodeId, ModuleStates states, Clock clock) {
        this.nodeId = nodeId;
        this.states = states;
        this.clock = clock;
    }

    String nodeId() {
        return nodeId;
    }

    ModuleStates states() {
        return states;
    }

    Clock clock() {
        return clock;
    }

    /** Runs a module operation of this node, after the one under way, if any. */
    <T> T exclusively(Supplier<T> operation) {
        operations.lock();
        try {
            return operation.get();
        } finally {
            operations.unlock();
        }
    }

    /**
     * Records that this node is in {@code desired}'s state: it just applied the change itself.
     * Not recording it would only make the reconciler look again.
     */
    void converged(DesiredState desired) {
        try {
            states.observe(new NodeState(nodeId, desired.module(), desired.desired(), desired.version(), null, 0, clock.instant(), null));
        } catch (RuntimeException e) {
            LOG.warn("Module {}: this node's state could not be recorded: {}", desired.module(), e.getMessage());
        }
    }

    /**
     * The other nodes on which {@code module} may still be installed, by what they last recorded:
     * installed as desired or by hand, or failing to uninstall it. A node that left stays in the
     * list until it is forgotten ({@link ModulesConfig#forgetNodeAfterHours()}).
     */
    List<String> nodesHaving(String module) {
        boolean desiredInstalled = states.desired(module).map(DesiredState::installed).orElse(false);
        List<String> nodes = new ArrayList<>();
        for (NodeState state : states.observed()) {
            if (state.module().equals(module) && !state.nodeId().equals(nodeId) && mayHave(state.state(), desiredInstalled)) {
                nodes.add(state.nodeId());
            }
        }
        return nodes;
    }

    private static boolean mayHave(String state, boolean desiredInstalled) {
        return switch (state) {
            case DesiredState.INSTALLED, NodeState.LOCAL_ONLY -> true;
            // drifted from an uninstall, or failing to converge to one: installed by hand, or not uninstalled yet
            case NodeState.DRIFTED, NodeState.FAILED -> !desiredInstalled;
            default -> false;
        };
    }

    /**
     * Adds the desired state and each node's state to {@code modules}; leaves them empty when the
     * tables cannot be read (logged), as a list is better without them than failed.
     */
    void describe(List<ModuleDTO> modules) {
        Map<String, DesiredState> desired;
        List<NodeState> observed;
        try {
            desired = states.desired();
            observed = states.observed();
        } catch (RuntimeException e) {
            LOG.warn("Modules: the desired and node states are unavailable: {}", e.getMessage());
            return;
        }
        for (ModuleDTO module : modules) {
            DesiredState state = desired.get(module.name);
            if (state != null) {
                module.desiredState = state.desired();
                module.desiredVersion = state.version();
            }
            List<ModuleNodeDTO> nodes = new ArrayList<>();
            for (NodeState node : observed) {
                if (node.module().equals(module.name)) {
                    nodes.add(dto(node));
                }
            }
            module.nodes = nodes;
        }
    }

    private static ModuleNodeDTO dto(NodeState state) {
        ModuleNodeDTO dto = new ModuleNodeDTO();
        dto.nodeId = state.nodeId();
        dto.state = state.state();
        dto.version = state.version();
        dto.detail = state.detail();
        dto.observedAt = state.observedAt();
        dto.lastSeen = state.nodeSeen();
        return dto;
    }
}
