package org.tessera.crm.core.kit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.party.PartyType;

class QueryParamsTest {

    @Test
    void defaultsTheLimitTo50() {
        assertEquals(50, QueryParams.limit(null));
        assertEquals(50, QueryParams.limit(" "));
        assertEquals(1, QueryParams.limit("1"));
        assertEquals(200, QueryParams.limit("200"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "201", "-5", "ten", "1.5"})
    void rejectsALimitOutOf1To200(String limit) {
        assertBadParameter("limit", () -> QueryParams.limit(limit));
    }

    @Test
    void parsesEnumsCaseInsensitively() {
        assertEquals(PartyType.ORGANIZATION, QueryParams.enumValue("type", "organization", PartyType.class));
        assertNull(QueryParams.enumValue("type", null, PartyType.class));
        Problem problem = assertBadParameter("type", () -> QueryParams.enumValue("type", "ROBOT", PartyType.class));
        assertEquals("must be one of PERSON, ORGANIZATION, HOUSEHOLD", problem.errors.get(0).message);
    }

    @Test
    void parsesInstantsAndDates() {
        assertEquals(Instant.parse("2024-01-31T00:00:00Z"), QueryParams.instant("dueFrom", "2024-01-31"));
        assertEquals(Instant.parse("2024-01-31T08:30:00Z"), QueryParams.instant("dueFrom", "2024-01-31T09:30:00+01:00"));
        assertEquals(Instant.parse("2024-01-31T09:30:00Z"), QueryParams.instant("dueFrom", "2024-01-31T09:30:00Z"));
        assertNull(QueryParams.instant("dueFrom", ""));
        assertBadParameter("dueTo", () -> QueryParams.instant("dueTo", "31/01/2024"));
        assertBadParameter("dueTo", () -> QueryParams.instant("dueTo", "2024-02-30"));
    }

    @Test
    void collectsCustomFieldFilters() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("q", List.of("ada"));
        parameters.put("customFields.segment", List.of("GOLD"));
        parameters.put("customFields.since", List.of("2020-01-01"));
        assertEquals(Map.of("segment", "GOLD", "since", "2020-01-01"), QueryParams.customFieldFilters(parameters));

        assertBadParameter("customFields.", () -> QueryParams.customFieldFilters(Map.of("customFields.", List.of("x"))));
        assertBadParameter("customFields.segment",
                () -> QueryParams.customFieldFilters(Map.of("customFields.segment", List.of("A", "B"))));
    }

    @Test
    void treatsBlankTextAsAbsent() {
        assertNull(QueryParams.text("  "));
        assertEquals("ada", QueryParams.text(" ada "));
    }

    @Test
    void turnsAServiceRejectionOfAParameterInto400() {
        ValidationException badCursor = new ValidationException(FieldError.invalid("cursor", "malformed cursor"));
        Problem problem = assertBadParameter("cursor", () -> QueryParams.search(Set.of("cursor", "limit"), () -> {
            throw badCursor;
        }));
        assertEquals(ProblemTypes.INVALID_PARAMETER, problem.type);

        ValidationException badField = new ValidationException(FieldError.invalid("ownerId", "no such agent"));
        assertSame(badField, assertThrows(ValidationException.class,
                () -> QueryParams.search(Set.of("cursor"), () -> {
                    throw badField;
                })), "errors on other fields stay 422");
        assertEquals("page", QueryParams.search(Set.of(), () -> "page"));
    }

    private static Problem assertBadParameter(String name, Executable parsing) {
        ProblemException e = assertThrows(ProblemException.class, parsing);
        assertEquals(400, e.getResponse().getStatus());
        Problem problem = (Problem) e.getResponse().getEntity();
        assertEquals(name, problem.errors.get(0).field);
        return problem;
    }
}
