package org.tessera.crm.core.impl.imports.jobs;

import org.tessera.crm.core.testkit.TestDatabase;

/** Import jobs on embedded Derby. */
class DerbyImportJobsTest extends AbstractImportJobsDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
