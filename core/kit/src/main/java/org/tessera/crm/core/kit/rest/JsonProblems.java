package org.tessera.crm.core.kit.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.kit.Decimals;
import org.tessera.crm.core.kit.FieldErrors;

/**
 * Turns Jackson's reading errors into 400 problems that name the offending JSON path
 * ({@code birthDate}, {@code contactMechanisms[0].type}) in words a client can act on, without
 * Java class names.
 */
public final class JsonProblems {

    private static final int UNPROCESSABLE_CONTENT = 422;

    private JsonProblems() {
    }

    public static Problem of(JsonProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException known && known.getResponse().getEntity() instanceof Problem problem) {
                // raised by the body's stream (its size limit) and wrapped by Jackson on the way
                return problem;
            }
            if (cause instanceof StreamConstraintsException limit) {
                String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty() ? path(mapping) : "body";
                String message = limitMessage(limit);
                return new Problem(ProblemTypes.LIMIT_EXCEEDED, "JSON limit exceeded", UNPROCESSABLE_CONTENT,
                        field + " " + message).withError(new FieldError(field, FieldErrors.LIMIT_EXCEEDED, message));
            }
        }
        if (e instanceof NumberOutOfRangeException outOfRange) {
            String field = path(outOfRange);
            String message = outOfRange.getOriginalMessage();
            return new Problem(ProblemTypes.VALIDATION, "Validation failed", UNPROCESSABLE_CONTENT, field + " " + message)
                    .withError(new FieldError(field, Decimals.OUT_OF_RANGE, message));
        }
        Problem problem = new Problem(ProblemTypes.INVALID_JSON, "Invalid JSON body", 400, null);
        if (e instanceof PropertyBindingException unknown) {
            String field = path(unknown);
            problem.detail = "unknown field " + field;
            return problem.withError(new FieldError(field, "unknown", "is not a field of this resource"));
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            String message = describeExpected(mismatch);
            problem.detail = field + " " + message;
            return problem.withError(new FieldError(field, "invalid", message));
        }
        if (e instanceof MismatchedInputException) {
            problem.detail = "the body is empty or is not the JSON value expected here";
            return problem;
        }
        problem.detail = "malformed JSON" + location(e.getLocation());
        return problem;
    }

    /**
     * Which of the parser's {@link JsonLimits} {@code limit} reports, in words for a client (Jackson's
     * own message names its Java API).
     */
    public static String limitMessage(StreamConstraintsException limit) {
        String message = String.valueOf(limit.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return "nests arrays and objects deeper than the limit of " + JsonLimits.MAX_NESTING_DEPTH + " levels";
        }
        if (message.startsWith("String value length")) {
            return "holds a string longer than the limit of " + JsonLimits.MAX_STRING_LENGTH + " characters";
        }
        if (message.startsWith("Number value length")) {
            return "holds a number longer than the limit of " + JsonLimits.MAX_NUMBER_LENGTH + " characters";
        }
        if (message.startsWith("Name length")) {
            return "holds a field name longer than the limit of " + JsonLimits.MAX_NAME_LENGTH + " characters";
        }
        return "exceeds a limit of the JSON parser";
    }

    /** The JSON path of the value that failed, in dotted notation with [index] for array elements. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describeExpected(MismatchedInputException e) {
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        Class<?> target = e.getTargetType();
        String received = e instanceof InvalidFormatException invalid && invalid.getValue() != null
                ? "'" + invalid.getValue() + "' is invalid: " : "";
        if (target == null) {
            return received + "has an invalid value";
        }
        if (target.isEnum()) {
            String accepted = Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return received + "must be one of " + accepted;
        }
        if (target == LocalDate.class) {
            return received + "must be an ISO-8601 date such as 2024-01-31";
        }
        if (target == Instant.class) {
            return received + "must be an ISO-8601 instant such as 2024-01-31T09:30:00Z";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return received + "must be an ISO-8601 date-time";
        }
        if (target == Boolean.class || target == boolean.class) {
            return received + "must be true or false";
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != char.class)) {
            return received + "must be a number";
        }
        if (target == String.class) {
            return received + "must be a string";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return received + "must be an array";
        }
        return received + "must be an object";
    }

    private static String location(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
