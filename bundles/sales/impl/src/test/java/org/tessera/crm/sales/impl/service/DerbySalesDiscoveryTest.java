package org.tessera.crm.sales.impl.service;

import org.tessera.crm.core.testkit.TestDatabase;

/** The sales search and overview on embedded Derby 10.14. */
class DerbySalesDiscoveryTest extends AbstractSalesDiscoveryDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
