/**
 * Extension points (whiteboard services) that modules and ISVs register: validators and timeline contributors.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.core.api.spi;
