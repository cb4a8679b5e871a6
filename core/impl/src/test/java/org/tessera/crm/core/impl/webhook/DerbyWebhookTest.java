package org.tessera.crm.core.impl.webhook;

import org.tessera.crm.core.testkit.TestDatabase;

/** Webhook deliveries on embedded Derby. */
class DerbyWebhookTest extends AbstractWebhookDatabaseTest {
    @Override
    protected TestDatabase startDatabase() throws Exception {
        return TestDatabase.derby();
    }
}
