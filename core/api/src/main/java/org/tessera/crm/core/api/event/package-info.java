/**
 * Domain events: topic and property names, the publisher that writes them to the core's
 * transactional outbox, and the change feed read from it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package org.tessera.crm.core.api.event;
