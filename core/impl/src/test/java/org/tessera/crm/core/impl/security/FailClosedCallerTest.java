package org.tessera.crm.core.impl.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CorePermissions;

/** A thread with no caller bound is denied every permission and every record; the system is bound explicitly. */
class FailClosedCallerTest {
    private final ThreadLocalCallerContext callers = new ThreadLocalCallerContext();
    /** No database: a thread without a caller must be refused before any query. */
    private final OrgTreeRecordScope scope = new OrgTreeRecordScope(null, callers);

    @AfterEach
    void unbind() {
        callers.unbind();
    }

    @Test
    void withNoCallerBoundThePermissionCheckAndTheRecordScopeSayNo() {
        assertFalse(callers.permits(CorePermissions.PARTY_READ));
        assertFalse(callers.permits(CorePermissions.ALL_RECORDS));
        assertEquals(Optional.of(Set.of()), scope.visibleOrgUnitIds(), "no org unit is visible");
        assertFalse(scope.unrestricted());
        assertFalse(scope.canAccessParty("1"));
        assertFalse(scope.canAccessOrgUnit("1"));
        assertFalse(scope.canAccessOrgUnit(null));
        assertEquals(Optional.empty(), scope.defaultOrgUnitId());
    }

    @Test
    void theSystemCallerMayDoAnythingWhileBoundAndThePreviousCallerComesBack() {
        assertTrue(callers.callAsSystem(() -> callers.permits(CorePermissions.PARTY_WRITE) && scope.unrestricted()));
        assertTrue(callers.callAsSystem(() -> scope.canAccessOrgUnit("42")));
        assertEquals(Optional.empty(), callers.current(), "unbound again after the system's work");
        assertFalse(callers.permits(CorePermissions.PARTY_WRITE));

        Caller agent = new Caller("agent", Set.of("agent"), Set.of(CorePermissions.PARTY_READ), "7");
        callers.bind(agent);
        assertEquals(Caller.SYSTEM_LOGIN, callers.callAsSystem(callers::currentLogin));
        assertEquals(Optional.of(agent), callers.current(), "the request's caller is restored");
    }

    @Test
    void onlyTheSystemCallerHoldsEveryPermission() {
        assertTrue(Caller.system().hasPermission("any.module.permission"));
        assertTrue(Caller.system().isSystem());
        Caller lookalike = new Caller(Caller.SYSTEM_LOGIN, Set.of(), Set.of(), null);
        assertFalse(lookalike.hasPermission(CorePermissions.PARTY_READ), "a login named system is no system caller");
        assertFalse(lookalike.isSystem());
    }
}
