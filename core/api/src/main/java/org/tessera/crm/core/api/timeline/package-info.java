/**
 * The party timeline: entries contributed by every installed module, merged newest first.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.tessera.crm.core.api.timeline;
