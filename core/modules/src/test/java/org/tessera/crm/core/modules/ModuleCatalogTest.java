package org.tessera.crm.core.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModuleCatalogTest {
    @Test
    void onlyTesseraFeatureNamesOtherThanTheCoreStandForModules() {
        assertEquals("sales", ModuleCatalog.moduleOf("tessera-sales"));
        assertEquals("dealer", ModuleCatalog.moduleOf("tessera-dealer"));
        assertNull(ModuleCatalog.moduleOf("tessera-core"));
        assertNull(ModuleCatalog.moduleOf("aries-jax-rs-whiteboard"));
        assertNull(ModuleCatalog.moduleOf("tessera-"));
        assertNull(ModuleCatalog.moduleOf("tessera-.*"));
        assertNull(ModuleCatalog.moduleOf(null));
    }

    @Test
    void includeAvailableIsOptional() {
        assertFalse(ModulesResource.includesAvailable(null));
        assertFalse(ModulesResource.includesAvailable(" "));
        assertTrue(ModulesResource.includesAvailable("available"));
        assertTrue(ModulesResource.includesAvailable("AVAILABLE"));
        // any other value is a 400 naming include: it needs a JAX-RS runtime, see ModulesApiIT
    }
}
