/**
 * Webhooks: subscriptions that receive the changes of the feed as signed HTTP POSTs, their
 * delivery log and replay.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.core.api.webhook;
