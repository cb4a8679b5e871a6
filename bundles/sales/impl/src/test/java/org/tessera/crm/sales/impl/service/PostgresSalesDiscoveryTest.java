package org.tessera.crm.sales.impl.service;

import org.tessera.crm.core.testkit.TestDatabase;

/** The sales search and overview on a real PostgreSQL. */
class PostgresSalesDiscoveryTest extends AbstractSalesDiscoveryDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
