package org.tessera.crm.banking.impl;

import org.tessera.crm.core.testkit.TestDatabase;

/** Banking persistence against embedded Derby 10.14 in a temporary directory. */
class DerbyBankingTest extends AbstractBankingDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
