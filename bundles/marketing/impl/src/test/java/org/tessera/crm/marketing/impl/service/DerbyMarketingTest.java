package org.tessera.crm.marketing.impl.service;

import org.tessera.crm.core.testkit.TestDatabase;

/** Marketing's persistence and segment SQL on embedded Derby, the default database. */
class DerbyMarketingTest extends AbstractMarketingDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
