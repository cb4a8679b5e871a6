/**
 * Field-level synchronisation of parties: when each field last changed and which system changed
 * it, the source system of the current write, and the per-field merge of a sync request.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.core.api.sync;
