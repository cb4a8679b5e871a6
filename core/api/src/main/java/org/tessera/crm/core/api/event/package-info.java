/**
 * Domain event topics and property names posted on OSGi Event Admin after a transaction commits.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.tessera.crm.core.api.event;
