package org.tessera.crm.core.testkit.kit;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.tessera.crm.core.testkit.TestDatabase;

class DerbyDatabaseRefusalsTest extends AbstractDatabaseRefusalsTest {
    @Override
    protected TestDatabase start() throws Exception {
        return TestDatabase.derby();
    }

    @Override
    protected void detectDeadlocksWithinASecond(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement call = connection.createStatement()) {
            call.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.deadlockTimeout', '1')");
        }
    }
}
