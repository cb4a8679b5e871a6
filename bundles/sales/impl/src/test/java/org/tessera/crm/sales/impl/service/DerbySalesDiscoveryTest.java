package org.tessera.crm.sales.impl.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

/** The sales search and overview on embedded Derby 10.14. */
class DerbySalesDiscoveryTest extends AbstractSalesDiscoveryDatabaseTest {
    private Path directory;

    @Override
    protected DataSource startDatabase() throws Exception {
        directory = Files.createTempDirectory("tessera-sales-discovery");
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(directory.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        DerbySalesTest.migrate(dataSource);
        return dataSource;
    }

    @Override
    protected void stopDatabase() throws Exception {
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
