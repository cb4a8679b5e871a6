package org.tessera.crm.insurance.impl.rules;

import java.time.LocalDate;

/** Half-open date ranges {@code [from, thru)}, a {@code null} bound standing for the term's. */
public final class Dated {
    private Dated() {
    }

    public static boolean covers(LocalDate from, LocalDate thru, LocalDate date) {
        return (from == null || !date.isBefore(from)) && (thru == null || date.isBefore(thru));
    }
}
