package org.tessera.crm.core.api.imports;

import java.util.Locale;

/** The format of an import job's file. */
public enum ImportFormat {
    /** One JSON object per line, as the synchronous {@code :import} endpoints read. */
    NDJSON,
    /** RFC 4180 CSV with a header row; columns are mapped to fields (see {@link ImportJobRequest#mapping}). */
    CSV;

    /** {@code ndjson} or {@code csv}, any case; {@code null} when it is neither. */
    public static ImportFormat parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
