package org.tessera.crm.core.impl.overview;

import org.tessera.crm.core.testkit.TestDatabase;

/** The overview and the party search group on a real PostgreSQL. */
class PostgresOverviewTest extends AbstractOverviewDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
