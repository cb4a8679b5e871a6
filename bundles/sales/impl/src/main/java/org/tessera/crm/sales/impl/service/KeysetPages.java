package org.tessera.crm.sales.impl.service;

import java.util.List;
import java.util.function.Function;

import org.tessera.crm.core.api.Page;

/** One keyset page by id: the query fetched {@code limit + 1} rows to know whether more follow. */
final class KeysetPages {
    private KeysetPages() {
    }

    static <E, D> Page<D> page(List<E> fetched, int limit, Function<E, Long> id, Function<E, D> toDto) {
        boolean more = fetched.size() > limit;
        List<E> items = more ? fetched.subList(0, limit) : fetched;
        String next = more ? id.apply(items.get(items.size() - 1)).toString() : null;
        return new Page<>(items.stream().map(toDto).toList(), next);
    }
}
