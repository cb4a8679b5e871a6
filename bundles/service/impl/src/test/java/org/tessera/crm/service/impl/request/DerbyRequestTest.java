package org.tessera.crm.service.impl.request;

import org.tessera.crm.core.testkit.TestDatabase;

/** Requests on embedded Derby 10.14, the distribution's default database. */
class DerbyRequestTest extends AbstractRequestDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
