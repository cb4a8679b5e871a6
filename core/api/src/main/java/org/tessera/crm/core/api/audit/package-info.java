/**
 * The audit trail: an immutable record of every mutation, who made it, when, and each changed field
 * from its old to its new value (sensitive values masked). The core audits its own mutations;
 * modules audit theirs through {@link org.tessera.crm.core.api.audit.AuditRecorder}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.tessera.crm.core.api.audit;
