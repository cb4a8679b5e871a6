/**
 * Module schemas: the marker service a module's persistence waits for, and the migration ledger
 * (schema versions, explicit purge). Modules declare their changelog in their manifest; the core
 * runs it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.tessera.crm.core.api.schema;
