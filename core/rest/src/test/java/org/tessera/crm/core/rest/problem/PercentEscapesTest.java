package org.tessera.crm.core.rest.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PercentEscapesTest {

    @Test
    void findsTheParameterWithAMalformedEscape() {
        assertEquals("cursor", PercentEscapes.malformedParameter("limit=5&cursor=%%%%"));
        assertEquals("entityType", PercentEscapes.malformedParameter("entityType=%ZZ"));
        assertEquals("q", PercentEscapes.malformedParameter("q=abc%2"));
        assertEquals("a b", PercentEscapes.malformedParameter("a%20b=%G0"));
        assertEquals("%zz", PercentEscapes.malformedParameter("%zz=1"));
    }

    @Test
    void wellFormedQueriesAndPathsPass() {
        assertNull(PercentEscapes.malformedParameter("q=caf%C3%A9&limit=5&flag"));
        assertNull(PercentEscapes.malformedParameter(null));
        assertFalse(PercentEscapes.isMalformed("/tessera/api/v1/parties/a%2Fb"));
        assertTrue(PercentEscapes.isMalformed("/tessera/api/v1/parties/%"));
    }
}
