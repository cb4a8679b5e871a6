package org.tessera.crm.core.api.search;

import java.util.List;

/**
 * What a {@link org.tessera.crm.core.api.spi.SearchContributor} is asked to find.
 *
 * @param text the text as typed, trimmed
 * @param tokens the normalized words of {@code text} ({@link SearchKeys#tokens}), never empty:
 *            each must be the prefix of a word of a hit's searchable text
 * @param limit the most hits wanted
 */
public record SearchQuery(String text, List<String> tokens, int limit) {
    public SearchQuery {
        tokens = List.copyOf(tokens);
    }
}
