/**
 * Custom field definitions and picklists: fields that administrators or modules add to any entity type without DDL.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.core.api.customfield;
