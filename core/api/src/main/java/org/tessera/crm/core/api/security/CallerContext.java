package org.tessera.crm.core.api.security;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The caller of the work running on the current thread. The REST layer binds the authenticated
 * caller before a resource method runs and unbinds it when the response is written; services
 * read it to scope records and to sign audit records. No caller means the work was not started
 * by an API client (a shell command, a start-up task): it runs as the system, unrestricted —
 * the shell is protected by its own command ACLs.
 */
@ProviderType
public interface CallerContext {

    /** The caller bound to this thread, if any. */
    Optional<Caller> current();

    /** The login to record as the author of a change: the caller's, or {@link Caller#SYSTEM_LOGIN}. */
    default String currentLogin() {
        return current().map(Caller::login).orElse(Caller.SYSTEM_LOGIN);
    }

    /**
     * Whether the current work may use {@code permission}: the caller has it, or there is no
     * caller (system work).
     */
    default boolean permits(String permission) {
        return current().map(caller -> caller.hasPermission(permission)).orElse(true);
    }

    /** Binds {@code caller} to this thread, replacing any previous one. For the REST layer and tests. */
    void bind(Caller caller);

    /** Unbinds the caller of this thread. */
    void unbind();
}
