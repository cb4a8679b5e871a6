package org.tessera.crm.core.impl.imports;

import java.util.List;

import org.tessera.crm.core.api.FieldError;

/**
 * What became of one imported row; {@code before}, {@code after} (the record's DTOs) and the new
 * {@code version} are kept for updates only, for their event. An update without {@code after}
 * posts none: it replaced a record created earlier in the same transaction.
 */
record Outcome(long line, Kind kind, String recordId, List<FieldError> errors, Object before, Object after, long version) {
    enum Kind { CREATED, UPDATED, UNCHANGED, REJECTED }

    static Outcome rejected(long line, List<FieldError> errors) {
        return new Outcome(line, Kind.REJECTED, null, List.copyOf(errors), null, null, 0);
    }

    static Outcome created(long line, String recordId) {
        return new Outcome(line, Kind.CREATED, recordId, List.of(), null, null, 0);
    }

    static Outcome unchanged(long line, String recordId) {
        return new Outcome(line, Kind.UNCHANGED, recordId, List.of(), null, null, 0);
    }

    static Outcome updated(long line, String recordId, Object before, Object after, long version) {
        return new Outcome(line, Kind.UPDATED, recordId, List.of(), before, after, version);
    }
}
