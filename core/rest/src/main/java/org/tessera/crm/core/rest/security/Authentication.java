package org.tessera.crm.core.rest.security;

import java.time.Duration;

import org.tessera.crm.core.api.security.Caller;

/** The outcome of authenticating a request. */
public sealed interface Authentication {

    /** No credentials were sent. */
    record Missing() implements Authentication {
    }

    /** The credentials are wrong, expired, malformed or belong to a disabled login. */
    record Refused(String reason) implements Authentication {
    }

    /** The login is locked after too many failed passwords. */
    record Throttled(Duration retryAfter) implements Authentication {
    }

    record Authenticated(Caller caller) implements Authentication {
    }
}
