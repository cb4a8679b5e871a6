package org.tessera.crm.core.impl.integration;

import org.tessera.crm.core.testkit.TestDatabase;

/** The party export's rows on PostgreSQL. */
class PostgresPartyExportRowsTest extends AbstractPartyExportRowsDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
