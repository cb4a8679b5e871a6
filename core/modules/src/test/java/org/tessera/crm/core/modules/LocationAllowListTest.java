package org.tessera.crm.core.modules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class LocationAllowListTest {
    private final LocationAllowList allowed = new LocationAllowList(List.of("mvn:org.tessera.crm/", " file:/opt/tessera/system/ "));

    @Test
    void allowsTheTrustedGroupAndFilesUnderTheAllowedDirectory() {
        assertTrue(allowed.allows("mvn:org.tessera.crm/org.tessera.crm.sales.impl/0.2.0"));
        assertTrue(allowed.allows("file:/opt/tessera/system/org/tessera/crm/x/1/x-1.jar"));
        assertTrue(allowed.allows("FILE:/opt/tessera/system/x.jar"));
    }

    @Test
    void refusesEverythingElse() {
        assertFalse(allowed.allows("mvn:org.tessera.crm.evil/x/1"), "another group sharing the prefix");
        assertFalse(allowed.allows("mvn:http://evil.example/repo!org.tessera.crm/x/1"), "a repository in the URL");
        assertFalse(allowed.allows("file:/tmp/evil.jar"));
        assertFalse(allowed.allows("file:/opt/tessera/system/../../../tmp/evil.jar"), "climbing out with ..");
        assertFalse(allowed.allows("file:/opt/tessera/systemx/evil.jar"), "a sibling directory sharing the prefix");
        assertFalse(allowed.allows("http://example.org/evil.jar"));
        assertFalse(allowed.allows("file:not a url%"));
    }

    @Test
    void anEmptyListAllowsNothing() {
        assertFalse(new LocationAllowList(List.of()).allows("mvn:org.tessera.crm/x/1"));
    }
}
