package org.tessera.crm.core.impl.overview;

import org.tessera.crm.core.testkit.TestDatabase;

/** The overview and the party search group on embedded Derby 10.14. */
class DerbyOverviewTest extends AbstractOverviewDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
