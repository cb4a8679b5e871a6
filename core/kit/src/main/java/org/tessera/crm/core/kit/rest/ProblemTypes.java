package org.tessera.crm.core.kit.rest;

/**
 * The {@code type} URIs of Tessera problems. URNs rather than URLs: they identify a kind of
 * problem without promising a page to dereference. Plain HTTP errors use {@code about:blank}.
 */
public final class ProblemTypes {
    public static final String ABOUT_BLANK = "about:blank";
    public static final String INVALID_JSON = "urn:tessera:problem:invalid-json";
    public static final String INVALID_PARAMETER = "urn:tessera:problem:invalid-parameter";
    public static final String VALIDATION = "urn:tessera:problem:validation";
    public static final String NOT_FOUND = "urn:tessera:problem:not-found";
    /** The caller may not do this (HTTP 403). */
    public static final String FORBIDDEN = "urn:tessera:problem:forbidden";
    public static final String CONFLICT = "urn:tessera:problem:conflict";
    public static final String STALE_VERSION = "urn:tessera:problem:stale-version";
    public static final String PRECONDITION_REQUIRED = "urn:tessera:problem:precondition-required";
    /** A request beyond one of the server's bounds: body size, JSON depth, string or number length, search terms. */
    public static final String LIMIT_EXCEEDED = "urn:tessera:problem:limit-exceeded";
    public static final String INTERNAL = "urn:tessera:problem:internal";

    private ProblemTypes() {
    }
}
