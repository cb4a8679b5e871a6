package org.tessera.crm.core.kit.jpa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

class DerbyDatabaseRefusalsTest extends AbstractDatabaseRefusalsTest {
    private Path directory;

    @Override
    protected DataSource start() throws Exception {
        directory = Files.createTempDirectory("tessera-kit-derby");
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(directory.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        return dataSource;
    }

    @Override
    protected void stop() throws Exception {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(directory.resolve("db").toString());
        shutdown.setShutdownDatabase("shutdown");
        try {
            shutdown.getConnection().close();
        } catch (SQLException expected) {
            ignore(expected);
        }
    }
}
