package org.tessera.crm.insurance.impl.service;

import org.tessera.crm.core.testkit.TestDatabase;

/** The pack's persistence against embedded Derby 10.14 in a temporary directory. */
class DerbyInsuranceTest extends AbstractInsuranceDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
