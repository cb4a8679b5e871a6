/**
 * Duplicate detection of parties: the rules administered per party type, and what a write is
 * told when it would create or update a likely duplicate; batch scans of the whole base and the
 * duplicate sets they find for review.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.tessera.crm.core.api.duplicate;
