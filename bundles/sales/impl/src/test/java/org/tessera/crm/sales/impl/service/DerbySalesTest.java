package org.tessera.crm.sales.impl.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.sql.DataSource;

import liquibase.resource.ClassLoaderResourceAccessor;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.tessera.crm.core.impl.db.MigrationRunner;
import org.tessera.crm.sales.impl.db.SalesSchemaMigrator;

/** Sales persistence against embedded Derby 10.14 in a temporary directory. */
class DerbySalesTest extends AbstractSalesDatabaseTest {
    private Path directory;

    @Override
    protected DataSource startDatabase() throws Exception {
        directory = Files.createTempDirectory("tessera-sales-derby");
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(directory.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        migrate(dataSource);
        return dataSource;
    }

    /** The core schema first (module migrations record their objects in it), then the sales one. */
    static void migrate(DataSource dataSource) {
        ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(DerbySalesTest.class.getClassLoader());
        new MigrationRunner(resources).migrate(dataSource);
        new MigrationRunner(resources, SalesSchemaMigrator.CHANGELOG, "sales").migrate(dataSource);
    }

    @Override
    protected void stopDatabase() throws IOException {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(directory.resolve("db").toString());
        shutdown.setShutdownDatabase("shutdown");
        try {
            shutdown.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a successful shutdown as SQLState 08006.
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
