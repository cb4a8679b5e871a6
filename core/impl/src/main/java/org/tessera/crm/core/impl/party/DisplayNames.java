package org.tessera.crm.core.impl.party;

import org.tessera.crm.core.api.party.PartyDTO;

/** The server-derived display name of a party. */
public final class DisplayNames {
    private DisplayNames() {
    }

    /** PERSON: "firstName lastName" (either alone if the other is empty); ORGANIZATION: legalName; HOUSEHOLD: name. */
    public static String of(PartyDTO party) {
        if (party.type == null) {
            return null;
        }
        return switch (party.type) {
            case PERSON -> join(party.firstName, party.lastName);
            case ORGANIZATION -> trimmed(party.legalName);
            case HOUSEHOLD -> trimmed(party.name);
        };
    }

    private static String join(String first, String last) {
        String a = trimmed(first);
        String b = trimmed(last);
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " " + b;
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
