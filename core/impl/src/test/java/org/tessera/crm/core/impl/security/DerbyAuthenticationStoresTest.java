package org.tessera.crm.core.impl.security;

import org.tessera.crm.core.testkit.TestDatabase;

/** The token key and the failed-login counters on embedded Derby. */
class DerbyAuthenticationStoresTest extends AbstractAuthenticationStoresTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
