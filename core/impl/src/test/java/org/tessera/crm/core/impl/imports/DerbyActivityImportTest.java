package org.tessera.crm.core.impl.imports;

import org.tessera.crm.core.testkit.TestDatabase;

class DerbyActivityImportTest extends AbstractActivityImportTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
