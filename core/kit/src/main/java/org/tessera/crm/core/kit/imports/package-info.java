/**
 * Reading bulk imports: NDJSON bodies as rows of the core's import API, with the per-line limit
 * every {@code :import} endpoint applies.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.core.kit.imports;
