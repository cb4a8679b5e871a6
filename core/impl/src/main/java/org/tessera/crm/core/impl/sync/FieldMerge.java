package org.tessera.crm.core.impl.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The per-field rule of a sync: whether a source's change of one field replaces the stored value.
 * The reference application, when the field has one, decides first: its own change always wins,
 * and another system's change never replaces a value the reference wrote. Otherwise the most
 * recent change wins; at equal times the stored value stays (a repeated sync changes nothing, and
 * two systems cannot take a field from each other in turn).
 */
public final class FieldMerge {
    private FieldMerge() {
    }

    /**
     * @param incomingValue the source's value of the field ({@code null}: empty)
     * @param storedValue the stored value ({@code null}: empty)
     * @param incoming when and by whom the source changed the field
     * @param stored the stored field's date and source; for a field never dated, the record's last update with no source
     * @param reference the field's reference application, if any
     * @return whether the source's value is taken
     */
    public static boolean takes(String incomingValue, String storedValue, FieldStamp incoming, FieldStamp stored,
            Optional<String> reference) {
        if (Objects.equals(incomingValue, storedValue)) {
            return false;
        }
        if (reference.isPresent()) {
            if (reference.get().equals(incoming.source())) {
                return true;
            }
            if (reference.get().equals(stored.source())) {
                return false;
            }
        }
        return newer(incoming.at(), stored.at());
    }

    private static boolean newer(Instant incoming, Instant stored) {
        return stored == null || incoming.isAfter(stored);
    }
}
