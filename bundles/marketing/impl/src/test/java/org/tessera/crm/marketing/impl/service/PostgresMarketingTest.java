package org.tessera.crm.marketing.impl.service;

import org.tessera.crm.core.testkit.TestDatabase;

/** Marketing's persistence and segment SQL on a real PostgreSQL, started by the test kit from the embedded binaries. */
class PostgresMarketingTest extends AbstractMarketingDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
