package org.tessera.crm.sales.impl.service;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The sales search and overview on a real PostgreSQL. */
class PostgresSalesDiscoveryTest extends AbstractSalesDiscoveryDatabaseTest {
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
