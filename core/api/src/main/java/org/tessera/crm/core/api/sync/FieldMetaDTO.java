package org.tessera.crm.core.api.sync;

import java.time.Instant;

/** When one field of a record last changed, and which system changed it. */
public class FieldMetaDTO {
    /** The field: {@code firstName}, {@code email[WORK]}, {@code externalIds[erp]}, {@code custom.<key>}… (see {@link PartyFieldSync}). */
    public String field;
    /** When the field changed: in the source system for a sync that said so, else when Tessera wrote it. */
    public Instant modifiedAt;
    /** The system that made the change ({@link WriteSource}). */
    public String source;

    public FieldMetaDTO() {
    }

    public FieldMetaDTO(String field, Instant modifiedAt, String source) {
        this.field = field;
        this.modifiedAt = modifiedAt;
        this.source = source;
    }
}
