package org.tessera.crm.core.impl.contribution;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * The whiteboard contributors of one kind present right now, in the order their contributions are
 * shown: the core's first, then by module, then by descending {@code service.ranking}, then by key.
 */
public final class Contributors<S> {
    static final String CORE = "core";

    private final List<Registered<S>> registered = new CopyOnWriteArrayList<>();

    /**
     * A contributor with what orders it, and whether its module is on its way out.
     *
     * @param leaving true once its bundle is stopping or gone: a failure is then its leaving, not a fault
     */
    public record Registered<S>(S service, String module, String key, int ranking, BooleanSupplier leaving) {
        public boolean isLeaving() {
            return leaving.getAsBoolean();
        }
    }

    public void add(S service, String module, String key, int ranking, BooleanSupplier leaving) {
        registered.add(new Registered<>(service, module, key, ranking, leaving));
    }

    public void remove(S service) {
        registered.removeIf(present -> present.service() == service);
    }

    /** A snapshot, in display order. */
    public List<Registered<S>> inOrder() {
        return registered.stream().sorted(Comparator.comparing((Registered<S> r) -> !CORE.equals(r.module()))
                .thenComparing(Registered::module).thenComparing(r -> -r.ranking()).thenComparing(Registered::key)).toList();
    }

    /** Whether the bundle that registered the service is stopping or gone. */
    public static BooleanSupplier leaving(ServiceReference<?> reference) {
        return () -> {
            Bundle bundle = reference.getBundle();
            return bundle == null || bundle.getState() != Bundle.ACTIVE;
        };
    }

    /** The service's {@code service.ranking}, 0 when it has none. */
    public static int ranking(ServiceReference<?> reference) {
        return reference.getProperty(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }
}
