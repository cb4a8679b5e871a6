package org.tessera.crm.core.rest.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemException;

class BodyLimitsTest {

    @Test
    void importsAreKnownByTheirContentTypeAndAMalformedOneIsNoImport() {
        assertTrue(BodyLimits.isImport("application/x-ndjson"));
        assertTrue(BodyLimits.isImport("Text/CSV; charset=UTF-8"));
        assertFalse(BodyLimits.isImport("application/json"));
        assertFalse(BodyLimits.isImport(";;;garbage"));
        assertFalse(BodyLimits.isImport(null));
    }

    @Test
    void aStreamReadPastItsLimitIs413NamingTheLimit() throws IOException {
        InputStream limited = new LimitedInputStream(new ByteArrayInputStream(new byte[100]), 10, "pid/maxBodyBytes");
        assertEquals(10, limited.readNBytes(10).length);
        ProblemException e = assertThrows(ProblemException.class, limited::read);
        Problem problem = (Problem) e.getResponse().getEntity();
        assertEquals(413, problem.status);
        assertEquals("body", problem.errors.get(0).field);
        assertTrue(problem.detail.contains("10 bytes (pid/maxBodyBytes)"), problem.detail);
    }
}
