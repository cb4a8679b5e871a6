package org.tessera.crm.service.impl.request;

import org.tessera.crm.core.testkit.TestDatabase;

/** The externalId changeset on embedded Derby 10.14. */
class DerbyExternalIdMigrationTest extends AbstractExternalIdMigrationTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
