package org.tessera.crm.core.impl.duplicate;

import org.tessera.crm.core.testkit.TestDatabase;

/** The duplicate scan against embedded Derby 10.14. */
class DerbyDuplicateScanTest extends AbstractDuplicateScanDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
