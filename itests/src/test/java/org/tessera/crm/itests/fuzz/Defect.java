package org.tessera.crm.itests.fuzz;

import java.util.EnumSet;
import java.util.Set;

/** What is wrong with a generated request: the class a failure is reported under. */
public enum Defect {
    // the body as a whole
    NULL_OR_SCALAR_BODY, EMPTY_BODY, MALFORMED_JSON, WRONG_CONTENT_TYPE, BODY_WHERE_NONE_IS_TAKEN,
    /** {@code Content-Type: application/json; charset=nope}: CXF's servlet transport refuses it before any JAX-RS code runs. */
    UNSUPPORTED_CHARSET,
    // one field of a plausible body
    WRONG_FIELD_TYPE, MISSING_FIELDS, NULL_FIELDS_AND_ELEMENTS, UNKNOWN_FIELD, HUGE_STRING, OUT_OF_RANGE_NUMBER,
    /** {@code 1e500000000} or thousands of digits: parser limits and BigDecimal blow-ups. */
    NUMBER_BEYOND_PARSER_LIMITS,
    NESTED_VALUE,
    /** Thousands of nested arrays or objects: parser nesting limits. */
    DEEP_NESTING,
    INVALID_UTF8, BAD_DATE, BAD_ENUM,
    // headers
    GARBAGE_IF_MATCH, GARBAGE_IF_NONE_MATCH, GARBAGE_AUTHORIZATION, UNAUTHENTICATED,
    // query string
    BAD_QUERY_VALUE, BAD_CURSOR, BAD_QUERY_DATE, UNKNOWN_QUERY_PARAMETER,
    /** {@code %}, {@code %ZZ}, {@code %C3%28} or raw bytes in the query string. */
    MALFORMED_PERCENT_QUERY,
    /** Hundreds of {@code q=} tokens. */
    MANY_Q_TOKENS,
    // path
    GARBAGE_PATH_ID,
    /** {@code %}, {@code %ZZ}, {@code %C3%28} in a path segment. */
    MALFORMED_PERCENT_PATH,
    /** {@code %2F}, {@code %2E%2E}, {@code ;params}: segments a server may read as another path. */
    AMBIGUOUS_PATH_SEGMENT,
    /** A path id of thousands of characters. */
    OVERLONG_PATH_ID;

    private static final Set<Defect> IN_THE_BODY = EnumSet.of(NULL_OR_SCALAR_BODY, EMPTY_BODY, MALFORMED_JSON,
            WRONG_FIELD_TYPE, MISSING_FIELDS, NULL_FIELDS_AND_ELEMENTS, UNKNOWN_FIELD, HUGE_STRING, OUT_OF_RANGE_NUMBER,
            NUMBER_BEYOND_PARSER_LIMITS, NESTED_VALUE, DEEP_NESTING, INVALID_UTF8, BAD_DATE, BAD_ENUM);

    /** Whether the defect is in the JSON of the body (the headers, query and path are then plausible). */
    public boolean inTheBody() {
        return IN_THE_BODY.contains(this);
    }
}
