package org.tessera.crm.core.api.module;

/**
 * Manifest headers by which a bundle says which module it belongs to. Every bundle of a module
 * carries {@value #MODULE}; the bundle that runs the module's migrations also names its changelog
 * in {@value #CHANGELOG}, so that the registry can report the schema version.
 */
public final class ModuleHeaders {
    /** Header: the module name, for example {@code sales}. */
    public static final String MODULE = "Tessera-Module";
    /** Header: the path of the module's Liquibase changelog inside the bundle. */
    public static final String CHANGELOG = "Tessera-Changelog";

    private ModuleHeaders() {
    }
}
