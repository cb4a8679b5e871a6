package org.tessera.crm.core.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NodeIdsTest {
    @Test
    void theConfiguredIdWins() {
        assertEquals("node-a", NodeIds.resolve(" node-a ", "host", "root"));
    }

    @Test
    void byDefaultTheHostAndTheInstallationFolder() {
        assertEquals("crm-1:/opt/tessera-a", NodeIds.resolve("", "crm-1", "/opt/tessera-a"));
        assertEquals("crm-1:/opt/tessera-b", NodeIds.resolve("", "crm-1", "/opt/tessera-b"));
        assertEquals("crm-1:root", NodeIds.resolve(null, "crm-1", null));
        assertEquals("localhost:/srv/b", NodeIds.resolve(" ", null, "/srv/b"));
    }

    @Test
    void aLongDefaultKeepsTheEndOfThePath() {
        String id = NodeIds.resolve("", "host", "/" + "x".repeat(300) + "/tessera-b");
        assertEquals(NodeIds.MAX_LENGTH, id.length());
        assertTrue(id.endsWith("/tessera-b"), id);
    }

    @Test
    void aTooLongIdIsRefusedNamingTheKey() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> NodeIds.resolve("n".repeat(NodeIds.MAX_LENGTH + 1), "host", "root"));
        assertTrue(refused.getMessage().contains("nodeId"), refused.getMessage());
    }
}
