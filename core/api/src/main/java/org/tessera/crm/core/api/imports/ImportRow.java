package org.tessera.crm.core.api.imports;

import java.util.List;

import org.tessera.crm.core.api.FieldError;

/**
 * One row of an import file: its line number and either the value read from it or, when the
 * line could not be read at all (malformed JSON, wrong types), the reasons.
 *
 * @param <T> the value type, e.g. {@link org.tessera.crm.core.api.party.PartyDTO}
 */
public final class ImportRow<T> {
    /** 1-based line number in the file. */
    public final long line;
    /** The value read, or {@code null} when {@link #errors} is not empty. */
    public final T value;
    /** Why the line could not be read; empty when {@link #value} is set. */
    public final List<FieldError> errors;

    private ImportRow(long line, T value, List<FieldError> errors) {
        this.line = line;
        this.value = value;
        this.errors = List.copyOf(errors);
    }

    /** A row that was read. */
    public static <T> ImportRow<T> of(long line, T value) {
        return new ImportRow<>(line, value, List.of());
    }

    /** A line that could not be read; it will be reported as rejected. */
    public static <T> ImportRow<T> unreadable(long line, List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an unreadable row needs a reason");
        }
        return new ImportRow<>(line, null, errors);
    }
}
