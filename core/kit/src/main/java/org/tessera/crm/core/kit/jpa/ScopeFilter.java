package org.tessera.crm.core.kit.jpa;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.kit.Ids;

/**
 * Record scope as a condition of the query itself: a module's record is visible when the party it
 * belongs to (its account, its person) is in an org unit of the caller's perimeter. A page of 50
 * is then one query whatever the perimeter, and its cursor never carries a hidden row.
 *
 * <pre>
 * ScopeFilter scope = ScopeFilter.of(recordScope);   // once per request: it reads the perimeter
 * em.createQuery("SELECT o FROM OpportunityEntity o WHERE " + scope.condition("o.accountId")
 *         + " AND o.id &gt; :after ORDER BY o.id", OpportunityEntity.class)
 * </pre>
 *
 * The module's persistence unit lists {@link PartyScopeRow}. The perimeter's org unit ids are
 * numbers parsed here, so they are written into the query as literals.
 */
public final class ScopeFilter {
    private static final ScopeFilter UNRESTRICTED = new ScopeFilter(null);

    /** The visible org unit ids, or {@code null} when the caller sees every record. */
    private final String units;

    private ScopeFilter(String units) {
        this.units = units;
    }

    /** The filter of the current caller's perimeter. */
    public static ScopeFilter of(RecordScope scope) {
        Optional<Set<String>> visible = scope.visibleOrgUnitIds();
        if (visible.isEmpty()) {
            return UNRESTRICTED;
        }
        return new ScopeFilter(visible.get().stream().map(Ids::parse).flatMap(Optional::stream).sorted()
                .map(String::valueOf).collect(Collectors.joining(", ")));
    }

    /** A filter that lets every record through (system work, or a caller with all-records). */
    public static ScopeFilter unrestricted() {
        return UNRESTRICTED;
    }

    public boolean isUnrestricted() {
        return units == null;
    }

    /**
     * A JPQL condition, true for the rows whose party id at {@code partyIdPath} (such as
     * {@code o.accountId}) is visible to the caller. A row without a party is visible only to an
     * unrestricted caller.
     */
    public String condition(String partyIdPath) {
        // Not "1 = 1" / "1 = 0": EclipseLink binds literals as parameters, Derby refuses "? = ?", so
        // EclipseLink then sends the whole statement unbound and Derby compiles it on every execution.
        if (units == null) {
            return "(" + partyIdPath + " IS NULL OR " + partyIdPath + " IS NOT NULL)";
        }
        if (units.isEmpty()) {
            return "(" + partyIdPath + " IS NULL AND " + partyIdPath + " IS NOT NULL)";
        }
        return "EXISTS (SELECT s.id FROM " + PartyScopeRow.ENTITY + " s WHERE s.id = " + partyIdPath
                + " AND s.orgUnitId IN (" + units + "))";
    }

    /** The same condition in SQL, for native queries: {@code partyIdColumn} such as {@code o.account_id}. */
    public String sqlCondition(String partyIdColumn) {
        if (units == null) {
            return "1 = 1";
        }
        if (units.isEmpty()) {
            return "1 = 0";
        }
        return "EXISTS (SELECT 1 FROM party s WHERE s.id = " + partyIdColumn + " AND s.org_unit_id IN (" + units + "))";
    }
}
