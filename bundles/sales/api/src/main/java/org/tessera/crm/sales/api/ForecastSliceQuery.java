package org.tessera.crm.sales.api;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The opportunities a forecast is computed from: those owned by one of {@code ownerIds} whose
 * expected close date lies in {@code closeFrom}..{@code closeTo} (both inclusive). Opportunities
 * without a close date never fall in a slice.
 */
public class ForecastSliceQuery {
    /** Owner (agent) ids; an empty set selects nothing. */
    public Set<String> ownerIds = new LinkedHashSet<>();
    public LocalDate closeFrom;
    public LocalDate closeTo;
}
