package org.tessera.crm.core.kit.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.kit.Decimals;
import org.tessera.crm.core.kit.FieldErrors;

/**
 * Parses query parameters received as raw strings, so that a bad value becomes a 400 problem
 * naming the parameter instead of the JAX-RS runtime's own (non-problem) 404. Blank means absent.
 */
public final class QueryParams {
    public static final String LIMIT = "limit";
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    /** Prefix of custom field filters: {@code ?customFields.segment=GOLD}. */
    public static final String CUSTOM_FIELD_PREFIX = "customFields.";

    /** Codes of errors about a value beyond a bound of the server rather than a malformed one. */
    private static final Set<String> BOUND_CODES = Set.of(FieldErrors.LIMIT_EXCEEDED, Decimals.OUT_OF_RANGE);

    private QueryParams() {
    }

    /** The trimmed value, or {@code null} when absent or blank. */
    public static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    /** The page size: {@value #DEFAULT_LIMIT} when absent, 1 to {@value #MAX_LIMIT}. */
    public static int limit(String raw) {
        String value = text(raw);
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the accepted range
        }
        throw ProblemException.badParameter(LIMIT, "must be an integer from 1 to " + MAX_LIMIT);
    }

    /** An enum constant by its name, case-insensitively, or {@code null} when absent. */
    public static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            String accepted = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.badParameter(name, "must be one of " + accepted);
        }
    }

    /**
     * An instant given as an ISO-8601 instant ({@code 2024-01-31T09:30:00Z}), a date-time with an
     * offset, or a date (its start, UTC); {@code null} when absent.
     */
    public static Instant instant(String name, String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException invalid) {
            throw ProblemException.badParameter(name, "must be an ISO-8601 date or date-time such as 2024-01-31 or 2024-01-31T09:30:00Z");
        }
    }

    /**
     * The custom field filters among the query parameters, by field key:
     * {@code customFields.segment=GOLD} gives {@code segment -> GOLD}.
     */
    public static Map<String, String> customFieldFilters(Map<String, List<String>> parameters) {
        Map<String, String> filters = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (!name.startsWith(CUSTOM_FIELD_PREFIX)) {
                return;
            }
            String key = name.substring(CUSTOM_FIELD_PREFIX.length());
            if (key.isBlank()) {
                throw ProblemException.badParameter(name, "must name a custom field, as in customFields.segment=GOLD");
            }
            if (values.size() > 1) {
                throw ProblemException.badParameter(name, "must be given once");
            }
            filters.put(key, values.isEmpty() ? "" : values.get(0));
        });
        return filters;
    }

    /**
     * Runs a search built from query parameters. The service judges some parameters itself (an
     * opaque cursor it cannot decode, a filter on an unknown custom field) and rejects them with
     * a {@link ValidationException} naming them: those are malformed requests, 400 like any other
     * bad parameter. Errors on anything else stay the service's 422.
     *
     * @param parameterNames the names of the query parameters of the request
     */
    public static <T> T search(Set<String> parameterNames, Supplier<T> search) {
        try {
            return search.get();
        } catch (ValidationException e) {
            if (e.errors().isEmpty() || !e.errors().stream().allMatch(error -> parameterNames.contains(error.field))
                    || e.errors().stream().anyMatch(error -> BOUND_CODES.contains(error.code))) {
                // a well-formed parameter beyond a bound of the server (too many search words, a
                // decimal of a million digits) stays a 422
                throw e;
            }
            Problem problem = new Problem(ProblemTypes.INVALID_PARAMETER, "Invalid query parameter", 400,
                    e.errors().get(0).toString());
            e.errors().forEach(problem::withError);
            throw new ProblemException(problem);
        }
    }
}
