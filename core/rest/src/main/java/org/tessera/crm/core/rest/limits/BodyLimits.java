package org.tessera.crm.core.rest.limits;

import java.util.Locale;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemException;
import org.tessera.crm.core.kit.rest.ProblemTypes;

/** Which body limit applies to a request, and the problem of a body beyond it. */
final class BodyLimits {
    static final int PAYLOAD_TOO_LARGE = 413;

    private BodyLimits() {
    }

    /**
     * Whether a body of this {@code Content-Type} is a bulk import, streamed row by row rather than
     * held whole. Read from the raw header: a malformed one must not fail here, before the runtime
     * answers it with its own 4xx.
     */
    static boolean isImport(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/x-ndjson") || type.equals("text/csv");
    }

    /** 413 naming the limit and the configuration key that sets it. */
    static ProblemException tooLarge(long limit, String key) {
        String message = "must be at most " + limit + " bytes (limit " + key + ")";
        return new ProblemException(new Problem(ProblemTypes.LIMIT_EXCEEDED, "Payload Too Large", PAYLOAD_TOO_LARGE,
                "the request body is larger than the limit of " + limit + " bytes (" + key + ")")
                .withError(new FieldError("body", "too_large", message)));
    }
}
