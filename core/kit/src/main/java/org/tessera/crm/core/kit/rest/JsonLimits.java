package org.tessera.crm.core.kit.rest;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * Bounds on what one JSON document may hold, enforced by the parser while it reads, before any
 * value is built: a document nested ten thousand levels deep, a string of a hundred megabytes or
 * a number of a million digits is refused early and cheaply. Generous for any record of the API.
 */
public final class JsonLimits {
    /** Arrays and objects nested in one another. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Characters of one string value. */
    public static final int MAX_STRING_LENGTH = 1_000_000;
    /** Characters of one number, sign, exponent and all. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Characters of one field name. */
    public static final int MAX_NAME_LENGTH = 1_000;

    private JsonLimits() {
    }

    static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build();
    }
}
