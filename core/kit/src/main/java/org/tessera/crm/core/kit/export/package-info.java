/**
 * Streaming exports of a module's records as a file: the format chosen by the {@code format} query
 * parameter ({@link org.tessera.crm.core.kit.export.ExportFormat}, NDJSON or CSV), the writers of each
 * format ({@link org.tessera.crm.core.kit.export.RecordWriter}, CSV columns from the DTO's JSON
 * properties and its custom fields: {@link org.tessera.crm.core.kit.export.ExportColumns}) and the
 * streamed response with its attachment headers ({@link org.tessera.crm.core.kit.export.ExportResponses}).
 * The records come from a service's {@link org.tessera.crm.core.api.RecordExport}, read with
 * {@link org.tessera.crm.core.kit.jpa.KeysetExport}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.core.kit.export;
