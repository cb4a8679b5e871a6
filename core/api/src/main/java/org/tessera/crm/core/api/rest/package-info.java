/**
 * Constants that a module bundle needs to contribute REST resources and extensions to the one
 * Tessera JAX-RS application: its name, the filter that selects it, its base path and the media
 * types the API speaks.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.core.api.rest;
