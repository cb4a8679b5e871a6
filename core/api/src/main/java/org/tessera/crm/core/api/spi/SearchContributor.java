package org.tessera.crm.core.api.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.tessera.crm.core.api.search.SearchHitDTO;
import org.tessera.crm.core.api.search.SearchKeys;
import org.tessera.crm.core.api.search.SearchQuery;

/**
 * Whiteboard service: a module that registers one adds a group of results to the global search
 * ({@code GET /v1/search?q=}). One contributor per type of record (opportunities, quotes…). Groups
 * are ordered by module (the core's first), then by descending {@code service.ranking}, then by type.
 *
 * <p>The core calls {@link #search} only when the caller has {@link #requiredPermission()}, on a
 * worker thread to which the caller is bound, in parallel with the other contributors and within a
 * time budget (past it the thread is interrupted and the group is shown as
 * {@link ContributionStatus#TIMEOUT}).
 */
@ConsumerType
public interface SearchContributor {

    /** Module name: {@code core}, {@code sales}, {@code dealer}. */
    String module();

    /** Type of the records found, unique within the module, such as {@code opportunity}. */
    String type();

    /** Title of the group as shown to a person, such as {@code Opportunities}. */
    String title();

    /** The permission the caller needs for the group to be searched, such as {@code sales.opportunity.read}. */
    String requiredPermission();

    /**
     * Records matching the query: every one of {@link SearchQuery#tokens} is the prefix of a word
     * of the record's searchable text once normalized by {@link SearchKeys#normalize} (case and
     * accents ignored). Only records in the caller's record scope, the scope applied in the
     * query itself (never by dropping rows after a limit).
     *
     * @return at most {@link SearchQuery#limit} hits, best first
     */
    List<SearchHitDTO> search(SearchQuery query);
}
