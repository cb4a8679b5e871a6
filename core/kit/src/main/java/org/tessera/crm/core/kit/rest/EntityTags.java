package org.tessera.crm.core.kit.rest;

import javax.ws.rs.core.HttpHeaders;

import org.tessera.crm.core.api.FieldError;

/**
 * Entity tags of versioned records: the ETag of a record at version 3 is {@code "3"}. Parses
 * {@code If-Match} leniently ({@code "3"}, {@code W/"3"} and a bare {@code 3}), because clients
 * and proxies differ in what they send back.
 */
public final class EntityTags {
    public static final String IF_MATCH = HttpHeaders.IF_MATCH;
    public static final String IF_NONE_MATCH = HttpHeaders.IF_NONE_MATCH;

    private EntityTags() {
    }

    /** The ETag header value for a record at {@code version}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header requires, or {@code null} when the header is absent
     * or {@code *} (any version).
     *
     * @throws ProblemException 400 naming {@code If-Match} when it holds no version
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Long version = parseVersion(ifMatch);
        if (version == null) {
            throw ProblemException.badInput(ProblemTypes.INVALID_PARAMETER, "Invalid precondition", IF_MATCH,
                    "invalid", "must be the ETag of the record, such as \"3\"");
        }
        return version;
    }

    /**
     * Like {@link #expectedVersion} for writes that replace the whole record, where a missing
     * precondition would risk a lost update.
     *
     * @throws ProblemException 428 naming {@code If-Match} when the header is absent
     */
    public static long requiredVersion(String ifMatch) {
        Long version = ifMatch == null || ifMatch.isBlank() ? null : expectedVersion(ifMatch);
        if (version == null) {
            throw new ProblemException(new Problem(
                    ProblemTypes.PRECONDITION_REQUIRED, "Precondition Required", 428,
                    "send If-Match with the ETag of the record you read")
                    .withError(FieldError.required(IF_MATCH)));
        }
        return version;
    }

    /** Whether an {@code If-None-Match} header matches a record at {@code version} (weak comparison). */
    public static boolean noneMatchHits(String ifNoneMatch, long version) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String trimmed = tag.strip();
            if (trimmed.equals("*")) {
                return true;
            }
            Long tagged = parseVersion(trimmed);
            if (tagged != null && tagged == version) {
                return true;
            }
        }
        return false;
    }

    /** The version in one entity tag, or {@code null} when it is not one of ours. */
    static Long parseVersion(String tag) {
        String value = tag.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.valueOf(value);
    }
}
