package org.tessera.crm.service.impl.sla;

import org.tessera.crm.core.testkit.TestDatabase;

/** The SLA engine on embedded Derby 10.14, the distribution's default database. */
class DerbySlaTest extends AbstractSlaDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
