package org.tessera.crm.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Module UI bundles made by the tests themselves: a manifest with {@code Tessera-Module} and
 * {@code Tessera-UI: /ui}, and the files given, under {@code ui/}.
 */
final class UiBundles {
    private UiBundles() {
    }

    /** A UI bundle of {@code module}, named {@code symbolicName}, with {@code files} (path under ui/ → content). */
    static InputStream bundle(String symbolicName, String module, Map<String, String> files) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Tessera-Module", module);
        main.putValue("Tessera-UI", "/ui");
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar, manifest)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new JarEntry("ui/" + file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ByteArrayInputStream(jar.toByteArray());
    }

    /** A valid tessera-ui.json of {@code module}: one menu entry per permission given (null: none), a route, a section, an action. */
    static String descriptor(String module, String menuPermission, String actionPermission) {
        return """
                {"module": "%1$s", "entry": "%1$s-ui.js",
                 "messages": {"en": {"menu.home": "Home", "menu.admin": "Admin", "action.go": "Go"},
                              "fr": {"menu.home": "Accueil", "menu.admin": "Admin", "action.go": "Aller"}},
                 "menu": [{"id": "%1$s.home", "label": "menu.home", "route": "%1$s/home", "order": 10},
                          {"id": "%1$s.admin", "label": "menu.admin", "route": "%1$s/admin", "permission": "%2$s"}],
                 "routes": [{"path": "%1$s/home", "element": "tessera-%1$s-home"}],
                 "overviewSections": [{"key": "%1$s", "element": "tessera-%1$s-overview"}],
                 "partyActions": [{"id": "%1$s.go", "label": "action.go", "route": "%1$s/home?partyId={partyId}", "permission": "%3$s"}]}
                """.formatted(module, menuPermission, actionPermission);
    }
}
