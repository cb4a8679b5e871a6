/**
 * Duplicate detection of parties: the rules administered per party type, and what a write is
 * told when it would create or update a likely duplicate.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.core.api.duplicate;
