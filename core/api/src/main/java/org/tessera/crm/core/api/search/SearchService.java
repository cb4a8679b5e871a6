package org.tessera.crm.core.api.search;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.ValidationException;

/**
 * The global search, from every {@link org.tessera.crm.core.api.spi.SearchContributor} present
 * right now. Contributors run in parallel, each within a time budget; one that is late or fails is
 * returned as a group with that status, never failing the search.
 */
@ProviderType
public interface SearchService {
    /** Largest number of hits per group a caller may ask for. */
    int MAX_LIMIT = 20;
    /** Hits per group when the caller does not say. */
    int DEFAULT_LIMIT = 5;

    /**
     * The groups of records matching {@code q} that the caller may see.
     *
     * @param q the text typed, 1 to {@value SearchKeys#MAX_QUERY_LENGTH} characters
     * @param limit hits per group, 1 to {@value #MAX_LIMIT}
     * @throws ValidationException naming {@code q} or {@code limit} when either is out of range
     */
    SearchResultsDTO search(String q, int limit);
}
