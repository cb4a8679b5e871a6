package org.tessera.crm.forecasting.impl.service;

import org.tessera.crm.core.testkit.TestDatabase;

/** Forecasting persistence on embedded Derby, the default database. */
class DerbyForecastingTest extends AbstractForecastingDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
