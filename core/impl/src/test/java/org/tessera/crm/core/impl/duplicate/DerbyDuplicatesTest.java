package org.tessera.crm.core.impl.duplicate;

import org.tessera.crm.core.testkit.TestDatabase;

/** Duplicate detection against embedded Derby 10.14. */
class DerbyDuplicatesTest extends AbstractDuplicatesDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
