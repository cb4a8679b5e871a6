package org.tessera.crm.core.rest.resource;

import java.util.Locale;
import java.util.Map;

import org.tessera.crm.core.api.party.PartyQuery;
import org.tessera.crm.core.kit.rest.ProblemException;
import org.tessera.crm.core.kit.rest.QueryParams;

/**
 * The {@code sort} parameter of the party search: a field ({@code id}, {@code name},
 * {@code createdAt}), descending with a leading {@code -}; the former {@code ID} and {@code NAME}
 * still work, as the field names are read case-insensitively. Anything else is a 400 naming it.
 */
final class PartySortParam {
    private static final Map<String, PartyQuery.Sort> FIELDS = Map.of("id", PartyQuery.Sort.ID, "name", PartyQuery.Sort.NAME,
            "createdat", PartyQuery.Sort.CREATED_AT, "created_at", PartyQuery.Sort.CREATED_AT);

    private PartySortParam() {
    }

    static void apply(String raw, PartyQuery query) {
        String value = QueryParams.text(raw);
        if (value == null) {
            query.sort = PartyQuery.Sort.ID;
            query.descending = false;
            return;
        }
        boolean descending = value.startsWith("-");
        PartyQuery.Sort sort = FIELDS.get((descending ? value.substring(1) : value).toLowerCase(Locale.ROOT));
        if (sort == null) {
            throw ProblemException.badParameter("sort", "must be id, name or createdAt, with a leading - for descending order");
        }
        query.sort = sort;
        query.descending = descending;
    }
}
