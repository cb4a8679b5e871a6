/**
 * The shared body of every module's {@link org.tessera.crm.core.api.merge.MergeContributor}: a module
 * declares which columns of its tables hold a party ({@link org.tessera.crm.core.kit.merge.RepointedTable}),
 * and {@link org.tessera.crm.core.kit.merge.PartyRepointing} re-points them on a merge and back on undo.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.tessera.crm.core.kit.merge;
