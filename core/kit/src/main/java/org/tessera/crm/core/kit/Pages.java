package org.tessera.crm.core.kit;

import java.util.List;
import java.util.function.Function;

import org.tessera.crm.core.api.Page;

/**
 * One keyset page from the rows of a query that fetched {@code limit + 1} rows: the extra row
 * only tells that more follow, and the cursor points after the last row returned. Scope belongs
 * in the query (see {@code ScopeFilter}), never in a filter over the fetched rows: a page then
 * holds as many items as its limit allows and its cursor never carries a hidden row.
 */
public final class Pages {
    private Pages() {
    }

    /** A page ordered by id alone, with a {@link KeysetCursor#ofId} cursor. */
    public static <E, D> Page<D> byId(List<E> fetched, int limit, Function<E, Long> id, Function<E, D> toDto) {
        return of(fetched, limit, row -> KeysetCursor.ofId(id.apply(row)), toDto);
    }

    /** A page whose cursor {@code cursorAfter} encodes the sort key of a row. */
    public static <E, D> Page<D> of(List<E> fetched, int limit, Function<E, String> cursorAfter, Function<E, D> toDto) {
        boolean more = fetched.size() > limit;
        List<E> rows = more ? fetched.subList(0, limit) : fetched;
        String next = more ? cursorAfter.apply(rows.get(rows.size() - 1)) : null;
        return new Page<>(rows.stream().map(toDto).toList(), next);
    }
}
