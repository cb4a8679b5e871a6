package org.tessera.crm.core.impl.integration;

import org.tessera.crm.core.testkit.TestDatabase;

/** The core against embedded Derby 10.14 in a temporary directory. */
class DerbyCoreTest extends AbstractCoreDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
