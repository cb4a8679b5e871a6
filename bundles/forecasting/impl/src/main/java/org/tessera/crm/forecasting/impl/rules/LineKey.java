package org.tessera.crm.forecasting.impl.rules;

import java.util.Comparator;

import org.tessera.crm.forecasting.api.Category;

/** A forecast line's identity: category and currency ("" for deals without a currency). */
public record LineKey(Category category, String currency) implements Comparable<LineKey> {
    private static final Comparator<LineKey> ORDER = Comparator.comparing(LineKey::category).thenComparing(LineKey::currency);

    public LineKey {
        currency = currency == null ? "" : currency;
    }

    @Override
    public int compareTo(LineKey other) {
        return ORDER.compare(this, other);
    }
}
