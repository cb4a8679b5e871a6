/**
 * Extension points (whiteboard services) that modules and ISVs register: validators, timeline
 * contributors, overview sections, search groups and the
 * dependent records that keep a record from being deleted, and the party facts that segments select on.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package org.tessera.crm.core.api.spi;
