package org.tessera.crm.core.kit.jpa;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

class PostgresDatabaseRefusalsTest extends AbstractDatabaseRefusalsTest {
    private EmbeddedPostgres postgres;

    @Override
    protected DataSource start() throws Exception {
        postgres = EmbeddedPostgres.start();
        return postgres.getPostgresDatabase();
    }

    @Override
    protected void stop() throws Exception {
        postgres.close();
    }
}
