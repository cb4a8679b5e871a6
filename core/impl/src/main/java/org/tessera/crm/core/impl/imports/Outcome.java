package org.tessera.crm.core.impl.imports;

import java.util.List;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.party.PartyDTO;

/** What became of one imported row; {@code before} and {@code after} are kept for updates only (their event). */
record Outcome(long line, Kind kind, String partyId, List<FieldError> errors, PartyDTO before, PartyDTO after) {
    enum Kind { CREATED, UPDATED, UNCHANGED, REJECTED }

    static Outcome rejected(long line, List<FieldError> errors) {
        return new Outcome(line, Kind.REJECTED, null, List.copyOf(errors), null, null);
    }

    static Outcome created(long line, String partyId) {
        return new Outcome(line, Kind.CREATED, partyId, List.of(), null, null);
    }

    static Outcome unchanged(long line, String partyId) {
        return new Outcome(line, Kind.UNCHANGED, partyId, List.of(), null, null);
    }

    static Outcome updated(long line, String partyId, PartyDTO before, PartyDTO after) {
        return new Outcome(line, Kind.UPDATED, partyId, List.of(), before, after);
    }
}
