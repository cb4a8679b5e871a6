package org.tessera.crm.core.kit.export;

import java.util.Locale;

import javax.ws.rs.core.MediaType;

import org.tessera.crm.core.kit.rest.ProblemException;

/** The file formats of an export, chosen by the {@code format} query parameter. */
public enum ExportFormat {
    /** One JSON object per line, in the shape of the list's items. */
    NDJSON("application/x-ndjson", "ndjson"),
    /** RFC 4180: a header row, comma separated, CRLF line ends, UTF-8. */
    CSV("text/csv; charset=utf-8", "csv");

    /** The query parameter that chooses the format. */
    public static final String PARAMETER = "format";

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /**
     * The format named by the parameter's value, case-insensitively; NDJSON when absent.
     *
     * @throws ProblemException 400 naming {@code format} when the value is no format
     */
    public static ExportFormat parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return NDJSON;
        }
        for (ExportFormat format : values()) {
            if (format.extension.equals(raw.trim().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw ProblemException.badParameter(PARAMETER, "must be ndjson or csv");
    }

    public MediaType mediaType() {
        return MediaType.valueOf(mediaType);
    }

    /** The file name extension, also the parameter's value. */
    public String extension() {
        return extension;
    }
}
