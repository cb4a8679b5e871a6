package org.tessera.crm.sales.impl.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.tessera.crm.core.api.security.RecordScope;

/**
 * The caller's record scope as a SQL condition on a sales table's account column, so that a query
 * returns only the records of accounts the caller may see, whatever its limit: the account's org
 * unit must be one of the caller's visible units (read from the core's {@code party} table, which
 * shares the database).
 *
 * @param sql the condition, with {@code ?} placeholders
 * @param parameters the values of its placeholders, in order
 */
record AccountScope(String sql, List<Object> parameters) {

    static AccountScope of(RecordScope scope, String accountColumn) {
        Optional<Set<String>> units = scope.visibleOrgUnitIds();
        if (units.isEmpty()) {
            return new AccountScope("1 = 1", List.of());
        }
        List<Object> ids = new ArrayList<>();
        for (String unit : units.get()) {
            Long id = Ids.parse(unit);
            if (id != null) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return new AccountScope("1 = 0", List.of()); // a caller without a perimeter sees nothing
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return new AccountScope(accountColumn + " IN (SELECT sp.id FROM party sp WHERE sp.org_unit_id IN (" + placeholders + "))", ids);
    }
}
