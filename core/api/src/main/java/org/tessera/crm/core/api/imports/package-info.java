/**
 * Bulk import: rows read from a file (NDJSON over REST), upserted by external id, with a report
 * that names every rejected row and why.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.tessera.crm.core.api.imports;
