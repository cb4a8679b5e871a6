/**
 * Merging duplicate parties across every installed module, with undo: the service the REST layer
 * calls ({@link org.tessera.crm.core.api.merge.MergeService}) and the extension point each module
 * registers to re-point its own records ({@link org.tessera.crm.core.api.merge.MergeContributor}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.core.api.merge;
