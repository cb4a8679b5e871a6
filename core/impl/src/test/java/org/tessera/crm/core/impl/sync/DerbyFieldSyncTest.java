package org.tessera.crm.core.impl.sync;

import org.tessera.crm.core.testkit.TestDatabase;

/** Field dates and the per-field sync on Derby. */
class DerbyFieldSyncTest extends AbstractFieldSyncDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
