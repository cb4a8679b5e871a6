/**
 * Bulk import: rows read from a file (NDJSON over REST, or an import job of NDJSON or CSV), upserted by external id, with a report
 * that names every rejected row and why.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.tessera.crm.core.api.imports;
