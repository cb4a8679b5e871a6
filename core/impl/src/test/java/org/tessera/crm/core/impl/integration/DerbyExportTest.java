package org.tessera.crm.core.impl.integration;

import org.tessera.crm.core.testkit.TestDatabase;

/** The export's read on embedded Derby: READ COMMITTED, no snapshot (see RecordExport). */
class DerbyExportTest extends AbstractExportDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }

    @Override
    protected boolean snapshots() {
        return false;
    }
}
