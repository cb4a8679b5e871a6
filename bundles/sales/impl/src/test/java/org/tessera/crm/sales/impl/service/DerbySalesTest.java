package org.tessera.crm.sales.impl.service;

import org.tessera.crm.core.testkit.TestDatabase;

/** Sales persistence against embedded Derby 10.14 in a temporary directory. */
class DerbySalesTest extends AbstractSalesDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
