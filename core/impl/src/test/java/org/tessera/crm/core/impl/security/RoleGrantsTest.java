package org.tessera.crm.core.impl.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RoleGrantsTest {
    private static final Set<String> DECLARED = Set.of("core.party.read", "core.party.write", "sales.opportunity.read");

    @Test
    void entriesParseAndFormatBack() {
        Map<String, Set<String>> roles = RoleGrants.parse("admin=*;  agent = core.party.read, sales.* ; broken");
        assertEquals(Map.of("admin", Set.of("*"), "agent", Set.of("core.party.read", "sales.*")), roles);
        assertEquals(roles, RoleGrants.parse(RoleGrants.format(roles)));
    }

    @Test
    void wildcardsExpandToDeclaredPermissionsOnly() {
        assertEquals(DECLARED, RoleGrants.effective(Set.of("*"), DECLARED));
        assertEquals(Set.of("sales.opportunity.read"), RoleGrants.effective(Set.of("sales.*"), DECLARED));
        assertEquals(Set.of("core.party.read"), RoleGrants.effective(Set.of("core.party.read", "gone.module.read"), DECLARED));
    }

    @Test
    void disabledLoginsAreCommaSeparated() {
        assertEquals(Set.of("a", "b"), RoleGrants.logins(" a, b ,,"));
        assertEquals(Set.of(), RoleGrants.logins(""));
    }
}
