package org.tessera.crm.core.ui.internal;

import java.net.URL;
import java.util.Optional;

import org.osgi.framework.Bundle;

/**
 * A module's UI as it is served: its bundle (while active), the folder the bundle's
 * {@code Tessera-UI} header names and its checked descriptor.
 */
record UiModule(Bundle bundle, String folder, UiDescriptor descriptor, long lastModified) {

    String module() {
        return descriptor.module();
    }

    /** The module's file at {@code path} (relative to its UI folder), when {@code path} is plain and the file is there. */
    Optional<URL> file(String path) {
        return UiPaths.safeRelative(path).map(safe -> bundle.getEntry(folder + "/" + safe));
    }

    /** What the revision of the set of UIs depends on: the bundle and its build. */
    String identity() {
        return module() + ":" + bundle.getBundleId() + ":" + lastModified;
    }
}
