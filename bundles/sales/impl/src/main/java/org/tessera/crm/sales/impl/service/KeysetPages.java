package org.tessera.crm.sales.impl.service;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.tessera.crm.core.api.Page;

/** One keyset page by id: the query fetched {@code limit + 1} rows to know whether more follow. */
final class KeysetPages {
    private KeysetPages() {
    }

    static <E, D> Page<D> page(List<E> fetched, int limit, Function<E, Long> id, Function<E, D> toDto) {
        return page(fetched, limit, id, toDto, entity -> true);
    }

    /** A page of the fetched rows the caller may see; the cursor follows the rows read, seen or not. */
    static <E, D> Page<D> page(List<E> fetched, int limit, Function<E, Long> id, Function<E, D> toDto, Predicate<E> visible) {
        boolean more = fetched.size() > limit;
        List<E> items = more ? fetched.subList(0, limit) : fetched;
        String next = more ? id.apply(items.get(items.size() - 1)).toString() : null;
        return new Page<>(items.stream().filter(visible).map(toDto).toList(), next);
    }
}
