package org.tessera.crm.core.impl.outbox;

import org.tessera.crm.core.testkit.TestDatabase;

/** The outbox and the feed on embedded Derby. */
class DerbyOutboxTest extends AbstractOutboxDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }

    @Override
    protected boolean passWaitsForUncommittedRows() {
        return true;
    }
}
