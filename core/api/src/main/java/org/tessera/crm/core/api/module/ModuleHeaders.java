package org.tessera.crm.core.api.module;

/**
 * Manifest header by which a bundle says which module it belongs to: every bundle of a module
 * carries {@value #MODULE}. The Tessera parent pom sets it from the Maven property
 * {@code tessera.module}.
 */
public final class ModuleHeaders {
    /** Header: the module name, for example {@code sales}. */
    public static final String MODULE = "Tessera-Module";

    private ModuleHeaders() {
    }
}
