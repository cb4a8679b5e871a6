package org.tessera.crm.core.testkit;

import java.lang.reflect.InvocationTargetException;

import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.security.CallerContext;

/**
 * The core's own {@link AuditRecorder}, for a module's database tests: the audit records land in
 * the test database exactly as in the server. Like the core's changelog, the recorder is found on
 * the test class path (the core implementation, at test scope), so that neither this kit nor a
 * module's test compiles against the core's implementation.
 */
public final class TestAudit {
    /** The core's JDBC recorder, the service that OSGi binds in the server. */
    static final String CORE_RECORDER = "org.tessera.crm.core.impl.audit.JdbcAuditRecorder";

    private TestAudit() {
    }

    /** The core's recorder, signing records with the login of {@code callers}' current caller. */
    public static AuditRecorder coreRecorder(CallerContext callers) {
        try {
            return Class.forName(CORE_RECORDER).asSubclass(AuditRecorder.class).getConstructor(CallerContext.class)
                    .newInstance(callers);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the core's audit recorder is not on the test class path:"
                    + " add org.tessera.crm.core.impl as a test dependency", e);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot create the core's audit recorder " + CORE_RECORDER, e);
        }
    }
}
