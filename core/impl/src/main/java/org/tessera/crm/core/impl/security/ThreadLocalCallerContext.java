package org.tessera.crm.core.impl.security;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CallerContext;

/**
 * The caller of each request thread. The thread-local belongs to this component instance, not
 * to a class: it lives and dies with the component. The REST layer binds before a resource method
 * runs and unbinds once the response is written, so that a pooled thread never carries a caller
 * into the next request. A thread with no caller is denied everything (see {@link CallerContext}).
 */
@Component(service = CallerContext.class)
public class ThreadLocalCallerContext implements CallerContext {
    private final ThreadLocal<Caller> callers = new ThreadLocal<>();

    @Override
    public Optional<Caller> current() {
        return Optional.ofNullable(callers.get());
    }

    @Override
    public void bind(Caller caller) {
        callers.set(caller);
    }

    @Override
    public void unbind() {
        callers.remove();
    }
}
