package org.tessera.crm.core.testkit.kit;

import org.tessera.crm.core.testkit.TestDatabase;

class PostgresDatabaseRefusalsTest extends AbstractDatabaseRefusalsTest {
    @Override
    protected TestDatabase start() throws Exception {
        return TestDatabase.postgres();
    }
}
