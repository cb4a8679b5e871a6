package org.tessera.crm.core.modules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModuleNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"sales", "core", "dealer", "warranty-2", "my_pack"})
    void plainNamesAreModuleNames(String name) {
        assertTrue(ModuleNames.isValid(name));
    }

    /** Each of these reached the features service as a regular expression: a 500, or a match of another module. */
    @ParameterizedTest
    @ValueSource(strings = {".*", "sal.s", "${jndi}", "\\", "(", "sales|dealer", "a b", "", "-sales", "é"})
    void patternsAndOddNamesAreNot(String name) {
        assertFalse(ModuleNames.isValid(name));
    }
}
