package org.tessera.crm.core.api.module;

/**
 * Manifest headers by which a bundle takes part in a module. Every bundle of a module carries
 * {@value #MODULE}; the bundle that owns the module's tables also carries {@value #CHANGELOG}, the
 * bundle of its web UI {@value #UI}.
 * The Tessera parent pom sets them from the Maven properties {@code tessera.module} and
 * {@code tessera.changelog}.
 */
public final class ModuleHeaders {
    /** Header: the module name, for example {@code sales}. */
    public static final String MODULE = "Tessera-Module";

    /**
     * Header: the path, inside the bundle, of the Liquibase changelog of the module's schema, for
     * example {@code org/tessera/crm/sales/impl/db/changelog.xml} (unique across modules: it keys
     * the module's migration history). The core migrates it when the bundle starts, then registers
     * {@link org.tessera.crm.core.api.schema.SchemaReady} for the module on the bundle's behalf.
     */
    public static final String CHANGELOG = "Tessera-Changelog";

    /**
     * Header: the folder, inside a module's UI bundle, that holds its {@code tessera-ui.json} (the
     * routes, menu entries, overview sections and messages it contributes) and its built files,
     * for example {@code /ui}. The core serves that folder at {@code /tessera/ui/<module>/} and
     * lists the UI in {@code GET /v1/ui/extensions} while the bundle is active. Set from the Maven
     * property {@code tessera.ui}.
     */
    public static final String UI = "Tessera-UI";

    private ModuleHeaders() {
    }
}
