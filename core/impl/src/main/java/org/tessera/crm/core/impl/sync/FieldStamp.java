package org.tessera.crm.core.impl.sync;

import java.time.Instant;

/** When a field changed and which system changed it; {@code source} is {@code null} for a change older than the field dates. */
public record FieldStamp(Instant at, String source) {
}
