/**
 * The audit trail: an immutable record of every mutation, who made it, when, and each changed field
 * from its old to its new value (sensitive values masked).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.core.api.audit;
