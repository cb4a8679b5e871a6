/**
 * The global search: typeahead across the core and every installed module, results grouped by
 * type, each group found by a {@link org.tessera.crm.core.api.spi.SearchContributor}; and the text
 * normalization every contributor matches with ({@link SearchKeys}); the party quick search's terms
 * and query tokens ({@link PartySearchTerms}), for anything that stores parties itself.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.tessera.crm.core.api.search;
