package org.tessera.crm.core.impl.search;

import java.util.List;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.kit.FieldErrors;

/**
 * Bounds on a quick search ({@code q=}): each word of it adds a subquery (a party search) or a
 * condition per searched column (the global search), so their number is bounded, with a 422
 * naming {@code q} beyond it.
 */
public final class SearchLimits {
    /** Words of one {@code q}: more than a person types to find a record. */
    public static final int MAX_QUERY_TOKENS = 8;

    private SearchLimits() {
    }

    /**
     * @throws ValidationException naming {@code q} when {@code tokens} are more than {@value #MAX_QUERY_TOKENS}
     */
    public static void checkTokens(List<String> tokens) {
        if (tokens.size() > MAX_QUERY_TOKENS) {
            throw new ValidationException(new FieldError("q", FieldErrors.LIMIT_EXCEEDED,
                    "must hold at most " + MAX_QUERY_TOKENS + " words; it holds " + tokens.size()));
        }
    }
}
