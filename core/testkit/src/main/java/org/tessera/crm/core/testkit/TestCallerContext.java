package org.tessera.crm.core.testkit;

import java.util.Optional;
import java.util.function.Supplier;

import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CallerContext;

/**
 * The caller of a test's thread, as the REST layer would bind it. Without a bound caller, services
 * run as the system. Bind in the test and unbind in {@code finally}, or use {@link #as}.
 */
public final class TestCallerContext implements CallerContext {
    private final ThreadLocal<Caller> caller = new ThreadLocal<>();

    @Override
    public Optional<Caller> current() {
        return Optional.ofNullable(caller.get());
    }

    /**
     * Without a bound caller a test runs as the system (in the server, a thread with no caller is
     * denied everything: system work binds {@link Caller#system()}).
     */
    @Override
    public boolean permits(String permission) {
        return current().map(bound -> bound.hasPermission(permission)).orElse(true);
    }

    @Override
    public void bind(Caller bound) {
        caller.set(bound);
    }

    @Override
    public void unbind() {
        caller.remove();
    }

    /** Runs {@code work} as {@code as}, then unbinds it whatever happens. */
    public <T> T as(Caller as, Supplier<T> work) {
        bind(as);
        try {
            return work.get();
        } finally {
            unbind();
        }
    }
}
