package org.tessera.crm.forecasting.impl.rules;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.tessera.crm.forecasting.api.Category;

/** A set of forecast lines by category and currency, kept in category then currency order. */
public final class Lines {
    /** What each category sums in cumulative mode: best case includes commit and closed, commit includes closed. */
    private static final Map<Category, Set<Category>> CUMULATED = Map.of(
            Category.CLOSED, EnumSet.of(Category.CLOSED),
            Category.COMMIT, EnumSet.of(Category.COMMIT, Category.CLOSED),
            Category.BEST_CASE, EnumSet.of(Category.BEST_CASE, Category.COMMIT, Category.CLOSED),
            // the open pipeline: every open category, not what is already closed
            Category.PIPELINE, EnumSet.of(Category.PIPELINE, Category.BEST_CASE, Category.COMMIT),
            Category.OMITTED, EnumSet.of(Category.OMITTED));
    /** The categories of open deals, whose sum is the coverage's pipeline. */
    public static final Set<Category> OPEN = EnumSet.of(Category.PIPELINE, Category.BEST_CASE, Category.COMMIT);

    private final TreeMap<LineKey, Figures> byKey = new TreeMap<>();

    public static Lines empty() {
        return new Lines();
    }

    public Lines add(LineKey key, Figures figures) {
        byKey.merge(key, figures, Figures::plus);
        return this;
    }

    public Lines addAll(Lines other) {
        other.byKey.forEach(this::add);
        return this;
    }

    /** Replaces the line (an adjustment applies to a line that may not exist yet). */
    public Lines put(LineKey key, Figures figures) {
        byKey.put(key, figures);
        return this;
    }

    public Figures get(LineKey key) {
        return byKey.getOrDefault(key, Figures.ZERO);
    }

    public Map<LineKey, Figures> asMap() {
        return Collections.unmodifiableMap(byKey);
    }

    public Lines copy() {
        return new Lines().addAll(this);
    }

    /** The forecast amounts of {@code categories} in {@code currency}, summed. */
    public BigDecimal forecastOf(Set<Category> categories, String currency) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<LineKey, Figures> e : byKey.entrySet()) {
            if (categories.contains(e.getKey().category()) && e.getKey().currency().equals(currency)) {
                sum = sum.add(e.getValue().forecast());
            }
        }
        return sum;
    }

    /**
     * The cumulative view of these (non-cumulative) lines. Adjustments are made on the
     * non-cumulative categories; a cumulated line carries the adjustment of its own category only.
     */
    public Lines cumulative() {
        Lines result = new Lines();
        Set<String> currencies = new java.util.TreeSet<>();
        byKey.keySet().forEach(k -> currencies.add(k.currency()));
        for (String currency : currencies) {
            for (Category category : Category.values()) {
                Figures sum = null;
                for (Category part : CUMULATED.get(category)) {
                    Figures f = byKey.get(new LineKey(part, currency));
                    if (f != null) {
                        sum = sum == null ? f.plus(Figures.ZERO) : sum.plus(f);
                    }
                }
                if (sum != null) {
                    Figures own = byKey.get(new LineKey(category, currency));
                    result.put(new LineKey(category, currency), own != null && own.adjusted() != null
                            ? new Figures(sum.count(), sum.amount(), sum.weighted(), sum.forecast(), own.adjusted()) : sum);
                }
            }
        }
        return result;
    }
}
