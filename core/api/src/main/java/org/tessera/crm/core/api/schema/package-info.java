/**
 * Schema migrations per module: the service through which a module runs its own versioned
 * changelog when it starts.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.core.api.schema;
