package org.tessera.crm.core.kit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagsTest {

    @Test
    void tagsAVersionAsAQuotedString() {
        assertEquals("\"3\"", EntityTags.of(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "W/\"3\"", "3", " \"3\" "})
    void readsTheVersionOfIfMatchInEveryCommonForm(String ifMatch) {
        assertEquals(3L, EntityTags.expectedVersion(ifMatch));
    }

    @Test
    void hasNoExpectedVersionWithoutIfMatchOrWithStar() {
        assertNull(EntityTags.expectedVersion(null));
        assertNull(EntityTags.expectedVersion(""));
        assertNull(EntityTags.expectedVersion("*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "W/", "\"\"", "-1", "\"3", "99999999999999999999"})
    void rejectsAnIfMatchThatHoldsNoVersionNamingTheHeader(String ifMatch) {
        ProblemException e = assertThrows(ProblemException.class, () -> EntityTags.expectedVersion(ifMatch));
        assertEquals(400, e.getResponse().getStatus());
        assertEquals("If-Match", ((Problem) e.getResponse().getEntity()).errors.get(0).field);
    }

    @Test
    void requiresIfMatchForAFullReplace() {
        assertEquals(4L, EntityTags.requiredVersion("W/\"4\""));
        ProblemException e = assertThrows(ProblemException.class, () -> EntityTags.requiredVersion(null));
        assertEquals(428, e.getResponse().getStatus());
        Problem problem = (Problem) e.getResponse().getEntity();
        assertEquals("If-Match", problem.errors.get(0).field);
        assertEquals("required", problem.errors.get(0).code);
        assertThrows(ProblemException.class, () -> EntityTags.requiredVersion("*"), "* does not name the version read");
    }

    @Test
    void matchesIfNoneMatchAgainstTheCurrentVersion() {
        assertTrue(EntityTags.noneMatchHits("\"3\"", 3));
        assertTrue(EntityTags.noneMatchHits("\"1\", W/\"3\"", 3));
        assertTrue(EntityTags.noneMatchHits("*", 3));
        assertFalse(EntityTags.noneMatchHits("\"2\"", 3));
        assertFalse(EntityTags.noneMatchHits(null, 3));
    }
}
