package org.tessera.crm.core.impl.integration;

import org.tessera.crm.core.testkit.TestDatabase;

/** The export's read on PostgreSQL: one REPEATABLE READ snapshot. */
class PostgresExportTest extends AbstractExportDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }

    @Override
    protected boolean snapshots() {
        return true;
    }
}
