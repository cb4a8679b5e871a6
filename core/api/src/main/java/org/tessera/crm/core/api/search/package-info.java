/**
 * The global search: typeahead across the core and every installed module, results grouped by
 * type, each group found by a {@link org.tessera.crm.core.api.spi.SearchContributor}; and the text
 * normalization every contributor matches with ({@link SearchKeys}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.core.api.search;
