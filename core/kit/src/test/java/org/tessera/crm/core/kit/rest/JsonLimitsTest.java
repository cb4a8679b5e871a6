package org.tessera.crm.core.kit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.kit.Decimals;
import org.tessera.crm.core.kit.FieldErrors;

/** The parser limits of the one ObjectMapper, and the 422 problems that name them. */
class JsonLimitsTest {
    private final ObjectMapper mapper = ObjectMappers.create();

    public static class Line {
        public String sku;
        public BigDecimal unitPrice;
    }

    public static class Document {
        public Line line;
        public Object data;
        public String note;
    }

    @Test
    void aDecimalWithAHugeExponentIs422NamingItsPath() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> mapper.readValue("{\"line\": {\"sku\": \"A\", \"unitPrice\": 1e500000000}}", Document.class));
        Problem problem = JsonProblems.of(e);
        assertEquals(422, problem.status);
        assertEquals("line.unitPrice", problem.errors.get(0).field);
        assertEquals(Decimals.OUT_OF_RANGE, problem.errors.get(0).code);
    }

    @Test
    void ordinaryDecimalsStillRead() throws JsonProcessingException {
        assertEquals(new BigDecimal("12.50"), mapper.readValue("{\"sku\": \"A\", \"unitPrice\": 12.50}", Line.class).unitPrice);
    }

    @Test
    void deepNestingIs422NamingTheLimit() {
        String deep = "[".repeat(JsonLimits.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonLimits.MAX_NESTING_DEPTH + 1);
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> mapper.readValue("{\"data\": " + deep + "}", Document.class));
        Problem problem = JsonProblems.of(e);
        assertEquals(422, problem.status);
        assertEquals(ProblemTypes.LIMIT_EXCEEDED, problem.type);
        assertEquals(FieldErrors.LIMIT_EXCEEDED, problem.errors.get(0).code);
        assertTrue(problem.detail.contains(String.valueOf(JsonLimits.MAX_NESTING_DEPTH)), problem.detail);
    }

    @Test
    void longStringsAndNumbersAre422NamingTheLimit() {
        String longString = "{\"note\": \"" + "x".repeat(JsonLimits.MAX_STRING_LENGTH + 1) + "\"}";
        Problem tooLong = JsonProblems.of(assertThrows(JsonProcessingException.class, () -> mapper.readValue(longString, Document.class)));
        assertEquals(422, tooLong.status);
        assertTrue(tooLong.detail.contains(String.valueOf(JsonLimits.MAX_STRING_LENGTH)), tooLong.detail);

        String longNumber = "{\"data\": " + "9".repeat(JsonLimits.MAX_NUMBER_LENGTH + 1) + "}";
        Problem tooManyDigits = JsonProblems.of(assertThrows(JsonProcessingException.class, () -> mapper.readValue(longNumber, Document.class)));
        assertEquals(422, tooManyDigits.status);
        assertTrue(tooManyDigits.detail.contains(String.valueOf(JsonLimits.MAX_NUMBER_LENGTH)), tooManyDigits.detail);
    }

    @Test
    void aHugeExponentInAnUntypedValueIsReadCheaplyForTheServiceToBound() {
        // custom field values arrive untyped; their service bounds them (CustomValueNormalizer)
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            Map<?, ?> values = mapper.readValue("{\"amount\": 1e500000000}", Map.class);
            assertTrue(values.get("amount") instanceof BigDecimal);
        });
    }
}
