package org.tessera.crm.core.impl.privacy;

import org.tessera.crm.core.testkit.TestDatabase;

/** Personal data export, erasure and consent on embedded Derby 10.14. */
class DerbyPersonalDataTest extends AbstractPersonalDataDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
