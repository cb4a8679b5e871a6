package org.tessera.crm.core.impl.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.impl.support.SqlBuilder;

/** The caller's visible org units as database ids, and the SQL that restricts a query to them. */
public final class ScopedUnits {
    private ScopedUnits() {
    }

    /** The visible org unit ids, empty when the caller is unrestricted. */
    public static Optional<Set<Long>> of(RecordScope scope) {
        return scope.visibleOrgUnitIds().map(ids -> ids.stream().map(Ids::parse).flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * Appends {@code AND <column> IN (...)} when the caller is restricted.
     *
     * @return false when the caller sees no org unit at all: the query can match nothing
     */
    public static boolean restrict(SqlBuilder sql, String column, Optional<Set<Long>> units) {
        if (units.isEmpty()) {
            return true;
        }
        if (units.get().isEmpty()) {
            return false;
        }
        sql.append(" AND " + column + " IN (");
        String separator = "";
        for (Long unit : units.get()) {
            sql.append(separator).param(unit);
            separator = ", ";
        }
        sql.append(")");
        return true;
    }
}
