/**
 * Extension points (whiteboard services) that modules and ISVs register: validators, timeline
 * contributors, overview sections and search groups.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.tessera.crm.core.api.spi;
