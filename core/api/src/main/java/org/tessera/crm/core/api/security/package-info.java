/**
 * Security contract shared by every module: the permission a REST resource method requires, the
 * whiteboard through which a module declares the permissions it checks, the caller of the current
 * request ({@link org.tessera.crm.core.api.security.CallerContext}), its record perimeter
 * ({@link org.tessera.crm.core.api.security.RecordScope}), roles and the audit trail, and the state
 * that authentication shares between nodes: the token signing key and the failed-login counters.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package org.tessera.crm.core.api.security;
