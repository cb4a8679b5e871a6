package org.tessera.crm.core.api.party;

import java.util.LinkedHashMap;
import java.util.Map;

/** Criteria of a party search; every criterion left {@code null} matches all parties. */
public class PartyQuery {
    /** Sort orders with a keyset cursor; each ascending, or descending with {@link #descending}. */
    public enum Sort {
        /** Creation order (ids ascending). */
        ID,
        /** Display name, case- and accent-insensitive, then id. */
        NAME,
        /** Creation instant, then id. */
        CREATED_AT
    }

    /**
     * Quick search: every word must be the prefix of a name, an email address (or its local
     * part) or a phone number (digits only) of the party; case- and accent-insensitive.
     */
    public String q;
    public PartyType type;
    public String classification;
    public String ownerId;
    public String orgUnitId;
    public PartyStatus status;
    /** Custom field equality filters, by field key; values in their string form. */
    public Map<String, String> customFields = new LinkedHashMap<>();
    public Sort sort = Sort.ID;
    /** Whether {@link #sort} runs descending (its tie-breaking id too). */
    public boolean descending;
    /** Page size, 1 to 200. */
    public int limit = 50;
    /** Cursor returned by the previous page, or {@code null} for the first. */
    public String cursor;
}
