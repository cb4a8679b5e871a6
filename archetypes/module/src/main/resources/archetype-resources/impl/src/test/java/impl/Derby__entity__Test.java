package ${package}.impl;

import org.tessera.crm.core.testkit.TestDatabase;

/** The module's persistence on embedded Derby 10.14, the distribution's default database. */
class Derby${entity}Test extends Abstract${entity}DatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
