/**
 * Security contract shared by every module: the permission a REST resource method requires, and
 * the whiteboard through which a module declares the permissions it checks.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.core.api.security;
