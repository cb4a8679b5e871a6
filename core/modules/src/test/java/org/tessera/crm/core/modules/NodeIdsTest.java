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
    void byDefaultTheHostAndTheKarafInstance() {
        assertEquals("crm-1/root", NodeIds.resolve("", "crm-1", "root"));
        assertEquals("crm-1/root", NodeIds.resolve(null, "crm-1", null));
        assertEquals("localhost/second", NodeIds.resolve(" ", null, "second"));
    }

    @Test
    void aTooLongIdIsRefusedNamingTheKey() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> NodeIds.resolve("n".repeat(NodeIds.MAX_LENGTH + 1), "host", "root"));
        assertTrue(refused.getMessage().contains("nodeId"), refused.getMessage());
    }
}
