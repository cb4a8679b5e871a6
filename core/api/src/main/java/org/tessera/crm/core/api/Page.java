package org.tessera.crm.core.api;

import java.util.List;

/**
 * One page of a keyset-paginated collection.
 *
 * @param <T> the item type
 */
public class Page<T> {
    /** The items of this page, in the collection's order. Never null. */
    public List<T> items = List.of();
    /** Opaque cursor for the next page; {@code null} on the last page. */
    public String nextCursor;

    public Page() {
    }

    public Page(List<T> items, String nextCursor) {
        this.items = List.copyOf(items);
        this.nextCursor = nextCursor;
    }
}
