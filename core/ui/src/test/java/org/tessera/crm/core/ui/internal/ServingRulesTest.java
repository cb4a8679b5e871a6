package org.tessera.crm.core.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which paths are served, under which type, and how long a browser may keep them. */
class ServingRulesTest {

    @Test
    void onlyPlainRelativePathsAreServed() {
        for (String ok : List.of("sales-ui.js", "assets/index-BFERc7_f.js", "fonts/inter.woff2", "a/b/c.svg")) {
            assertEquals(Optional.of(ok), UiPaths.safeRelative(ok), ok);
        }
        for (String bad : List.of("", "/etc/passwd", "../x.js", "a/../../x", "a/./b", "a//b", ".env", "a/.git/config",
                "a\\..\\b", "c:/x", "a\u0000b", "a/")) {
            assertEquals(Optional.empty(), UiPaths.safeRelative(bad), bad);
        }
    }

    @Test
    void theUiHeaderNamesAFolderInsideTheBundle() {
        assertEquals(Optional.of("ui"), UiPaths.folder("/ui"));
        assertEquals(Optional.of("web/dist"), UiPaths.folder(" /web/dist/ "));
        assertEquals(Optional.empty(), UiPaths.folder("/"));
        assertEquals(Optional.empty(), UiPaths.folder("/../x"));
    }

    @Test
    void contentTypesAreTheOnesBrowsersExpect() {
        assertEquals("text/javascript;charset=utf-8", ContentTypes.of("assets/index-BFERc7_f.js"));
        assertEquals("text/css;charset=utf-8", ContentTypes.of("a.CSS"));
        assertEquals("image/svg+xml", ContentTypes.of("logo.svg"));
        assertEquals("application/json", ContentTypes.of("tessera-ui.json"));
        assertEquals("font/woff2", ContentTypes.of("x.woff2"));
        assertEquals("text/html;charset=utf-8", ContentTypes.of("index.html"));
        assertEquals(ContentTypes.OCTET_STREAM, ContentTypes.of("assets.d/noextension"));
        assertTrue(ContentTypes.compressible("a.js"));
        assertFalse(ContentTypes.compressible("a.woff2"));
    }

    @Test
    void hashedNamesAreToldFromStableOnes() {
        for (String hashed : List.of("chunk-B1x_9aZc.js", "assets/pipeline-Dk3mP0aQ.css", "x/y-abcdefg1.js")) {
            assertTrue(ShellServlet.HASHED_NAME.matcher(hashed).matches(), hashed);
        }
        for (String stable : List.of("sales-ui.js", "tessera-overview.js", "lit.js", "tessera-ui.json", "a-B1x_9aZc/entry.js")) {
            assertFalse(ShellServlet.HASHED_NAME.matcher(stable).matches(), stable);
        }
    }

    @Test
    void anEntityTagMatchesInEitherEncoding() {
        assertTrue(StaticFiles.matches("\"12-ab\"", "12-ab"));
        assertTrue(StaticFiles.matches("W/\"12-ab-gz\", \"other\"", "12-ab"));
        assertTrue(StaticFiles.matches("*", "12-ab"));
        assertFalse(StaticFiles.matches("\"12-ac\"", "12-ab"));
        assertFalse(StaticFiles.matches(null, "12-ab"));
    }

    @Test
    void theRevisionOfTheEmptySetIsStable() {
        assertEquals(UiModules.revisionOf(Map.of()), UiModules.revisionOf(Map.of()));
        assertNotEquals("", UiModules.revisionOf(Map.of()));
    }
}
