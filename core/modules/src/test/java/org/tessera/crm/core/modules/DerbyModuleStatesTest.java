package org.tessera.crm.core.modules;

import org.tessera.crm.core.testkit.TestDatabase;

/** The module state tables on embedded Derby 10.14. */
class DerbyModuleStatesTest extends AbstractModuleStatesTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
