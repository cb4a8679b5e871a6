package org.tessera.crm.core.impl.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.api.security.CorePermissions;

class FeedTypesTest {
    private final FeedPermissions permissions = new FeedPermissions(Map.of(
            "core", CorePermissions.ALL,
            "sales", Set.of("sales.opportunity.read", "sales.opportunity.write", "sales.lead.read"),
            "forecasting", Set.of("forecasting.read", "forecasting.submit")));

    @Test
    void aTopicNamesItsTypeAndAction() {
        assertEquals("party", FeedTypes.typeOf(CoreEvents.PARTY_UPDATED));
        assertEquals("activity", FeedTypes.typeOf(CoreEvents.ACTIVITY_DELETED));
        assertEquals("sales.opportunity", FeedTypes.typeOf(CoreEvents.topic("sales", "opportunity", "WON")));
        assertEquals("WON", FeedTypes.actionOf(CoreEvents.topic("sales", "opportunity", "WON")));
        assertEquals("core", FeedTypes.moduleOf("party"));
        assertEquals("sales", FeedTypes.moduleOf("sales.opportunity"));
    }

    @Test
    void aTypeIsReadWithItsOwnPermissionOrElseItsModules() {
        assertEquals(CorePermissions.PARTY_READ, permissions.readPermission("party"));
        assertEquals(CorePermissions.ACTIVITY_READ, permissions.readPermission("activity"));
        assertEquals("sales.opportunity.read", permissions.readPermission("sales.opportunity"));
        assertNull(permissions.readPermission("sales.quote"), "a module type without a read permission is read by nobody");
        assertEquals("forecasting.read", permissions.readPermission("forecasting.revision"));
        assertNull(permissions.readPermission("customfield"), "not a core type of the feed");
    }

    @Test
    void onlyTypesOfTheCoreAndOfInstalledModulesAreKnown() {
        assertTrue(permissions.known("party"));
        assertTrue(permissions.known("sales.opportunity"));
        assertFalse(permissions.known("org"));
        assertFalse(permissions.known("nosuch.thing"));
        assertFalse(permissions.known("sales.opportunity'; --"));
        assertFalse(permissions.known(""));
    }

    @Test
    void theReadableTypesFollowTheCallersPermissions() {
        Set<String> held = Set.of(CorePermissions.PARTY_READ, "sales.opportunity.read", "forecasting.read");
        FeedPermissions.Readable all = permissions.readable(Set.of(), held::contains, false);
        assertEquals(Set.of("party", "sales.opportunity"), all.types());
        assertEquals(1, all.prefixes().size());
        assertEquals("forecasting", all.prefixes().get(0).module());

        FeedPermissions.Readable asked = permissions.readable(Set.of("activity", "sales.opportunity", "sales.lead"), held::contains, false);
        assertEquals(Set.of("sales.opportunity"), asked.types(), "a type asked for but not permitted is left out");

        FeedPermissions.Readable restricted = permissions.readable(Set.of(), held::contains, true);
        assertEquals(Set.of("party"), restricted.types(), "a restricted scope reads only core types");
        assertTrue(restricted.prefixes().isEmpty());
        assertTrue(permissions.readable(Set.of(), permission -> false, false).none());
    }
}
