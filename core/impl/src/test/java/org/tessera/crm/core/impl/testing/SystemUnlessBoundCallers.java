package org.tessera.crm.core.impl.testing;

import java.util.Optional;

import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.impl.security.ThreadLocalCallerContext;

/**
 * The real caller context, except that a test thread with no caller bound runs as
 * {@link Caller#system()}, as a shell command does in the server once it binds the system caller.
 */
public final class SystemUnlessBoundCallers extends ThreadLocalCallerContext {
    @Override
    public Optional<Caller> current() {
        return super.current().or(() -> Optional.of(Caller.system()));
    }
}
