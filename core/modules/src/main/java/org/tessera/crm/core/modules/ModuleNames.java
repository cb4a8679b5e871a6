package org.tessera.crm.core.modules;

import java.util.regex.Pattern;

/**
 * What a module name may be. Karaf's features service reads a feature name as a regular
 * expression, so a name such as {@code .*} would match every module's feature and {@code ${x}}
 * would not compile: only plain names are ever passed to it.
 */
final class ModuleNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private ModuleNames() {
    }

    static boolean isValid(String module) {
        return module != null && NAME.matcher(module).matches();
    }
}
