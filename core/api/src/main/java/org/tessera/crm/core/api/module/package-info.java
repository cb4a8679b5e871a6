/**
 * Installed modules as the running server sees them: the bundles that make each module, its
 * version and state, its schema version, and what it contributes.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package org.tessera.crm.core.api.module;
