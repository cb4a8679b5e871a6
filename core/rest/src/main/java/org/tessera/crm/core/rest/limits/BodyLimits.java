package org.tessera.crm.core.rest.limits;

import java.util.Locale;

import javax.ws.rs.core.MediaType;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemException;
import org.tessera.crm.core.kit.rest.ProblemTypes;

/** Which body limit applies to a request, and the problem of a body beyond it. */
final class BodyLimits {
    static final int PAYLOAD_TOO_LARGE = 413;

    private BodyLimits() {
    }

    /** Whether a body of {@code type} is a bulk import, streamed row by row rather than held whole. */
    static boolean isImport(MediaType type) {
        if (type == null) {
            return false;
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return subtype.equals("x-ndjson") || subtype.equals("csv");
    }

    /** 413 naming the limit and the configuration key that sets it. */
    static ProblemException tooLarge(long limit, String key) {
        String message = "must be at most " + limit + " bytes (limit " + key + ")";
        return new ProblemException(new Problem(ProblemTypes.LIMIT_EXCEEDED, "Payload Too Large", PAYLOAD_TOO_LARGE,
                "the request body is larger than the limit of " + limit + " bytes (" + key + ")")
                .withError(new FieldError("body", "too_large", message)));
    }
}
