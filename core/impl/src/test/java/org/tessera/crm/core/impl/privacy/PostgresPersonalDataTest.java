package org.tessera.crm.core.impl.privacy;

import org.tessera.crm.core.testkit.TestDatabase;

/** Personal data export, erasure and consent on a real PostgreSQL. */
class PostgresPersonalDataTest extends AbstractPersonalDataDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
