package org.tessera.crm.core.impl.imports.jobs;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.imports.ImportTarget;

/**
 * The whiteboard of {@link ImportTarget}s, by entity type: a type comes with its module and leaves
 * with it. When two targets claim one type the first registered keeps it (the other is logged).
 */
@Component(service = ImportTargets.class)
public class ImportTargets {
    private static final Logger LOG = LoggerFactory.getLogger(ImportTargets.class);

    private final Map<String, ImportTarget<?>> byType = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Reference(name = "targets", service = ImportTarget.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "remove")
    public void add(ImportTarget<?> target) {
        ImportTarget<?> previous = byType.putIfAbsent(target.entityType(), target);
        if (previous != null && previous != target) {
            LOG.warn("Two importers for the type {}: {} is kept, {} ignored", target.entityType(), previous, target);
            return;
        }
        listeners.forEach(Runnable::run);
    }

    public void remove(ImportTarget<?> target) {
        byType.remove(target.entityType(), target);
    }

    public Optional<ImportTarget<?>> find(String entityType) {
        return entityType == null ? Optional.empty() : Optional.ofNullable(byType.get(entityType));
    }

    /** Type to permission, in name order. */
    public Map<String, String> types() {
        Map<String, String> types = new TreeMap<>();
        byType.values().forEach(target -> types.put(target.entityType(), target.permission()));
        return types;
    }

    /** Runs {@code listener} whenever a type arrives (the worker looks at the jobs waiting for it). */
    void onArrival(Runnable listener) {
        listeners.add(listener);
    }

    void offArrival(Runnable listener) {
        listeners.remove(listener);
    }
}
