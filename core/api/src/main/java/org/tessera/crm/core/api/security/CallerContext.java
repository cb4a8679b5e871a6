package org.tessera.crm.core.api.security;

import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The caller of the work running on the current thread. The REST layer binds the authenticated
 * caller before a resource method runs and unbinds it when the response is written; services
 * read it to scope records and to sign audit records. Fail closed: with no caller bound, every
 * permission check and the record scope say no. Work that no API client started (a shell command,
 * demo loading, a start-up or background task) runs as {@link Caller#system()}, bound explicitly
 * with {@link #callAsSystem}; the shell is protected by its own command ACLs.
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
     * Whether the current work may use {@code permission}: the bound caller has it (the system
     * has every one). Without a bound caller, never.
     */
    default boolean permits(String permission) {
        return current().map(caller -> caller.hasPermission(permission)).orElse(false);
    }

    /**
     * Runs {@code work} as {@link Caller#system()}, then restores whatever was bound before. For
     * work that no API client started: shell commands, demo loading, start-up and background tasks.
     */
    default <T> T callAsSystem(Supplier<T> work) {
        Optional<Caller> previous = current();
        bind(Caller.system());
        try {
            return work.get();
        } finally {
            previous.ifPresentOrElse(this::bind, this::unbind);
        }
    }

    /** Binds {@code caller} to this thread, replacing any previous one. For the REST layer and tests. */
    void bind(Caller caller);

    /** Unbinds the caller of this thread. */
    void unbind();
}
