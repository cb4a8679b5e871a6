package org.tessera.crm.core.kit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.FieldError;

class ObjectMappersTest {
    /** A body with collections, as the DTOs of the API declare them. */
    public static class Body {
        public List<Line> lines = new ArrayList<>();
        public Set<String> tags = new LinkedHashSet<>();
    }

    public static class Line {
        public String code;
    }

    private final ObjectMapper mapper = ObjectMappers.create();

    @Test
    void aNullElementOfACollectionIsRefusedNamingItsPlace() {
        InvalidNullException refused = assertThrows(InvalidNullException.class,
                () -> mapper.readValue("{\"lines\":[{\"code\":\"a\"},null]}", Body.class));
        assertEquals("lines[1]", JsonProblems.path(refused));
        FieldError error = JsonProblems.of(refused).errors.get(0);
        assertEquals("lines[1]", error.field);
        assertEquals("must not be null", error.message);
        InvalidNullException inASet = assertThrows(InvalidNullException.class,
                () -> mapper.readValue("{\"tags\":[\"a\",null]}", Body.class));
        assertEquals("tags[1]", JsonProblems.path(inASet));
    }

    @Test
    void aNullCollectionReadsAsEmptyLikeAnAbsentOne() throws Exception {
        Body body = mapper.readValue("{\"lines\":null,\"tags\":null}", Body.class);
        assertTrue(body.lines.isEmpty());
        assertTrue(body.tags.isEmpty());
        assertEquals(List.of("a"), mapper.readValue("[\"a\"]", List.class));
    }
}
