package org.tessera.crm.core.testkit.kit;

import org.tessera.crm.core.testkit.TestDatabase;

class DerbyDatabaseRefusalsTest extends AbstractDatabaseRefusalsTest {
    @Override
    protected TestDatabase start() throws Exception {
        return TestDatabase.derby();
    }
}
