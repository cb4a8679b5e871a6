package org.tessera.crm.core.api.schema;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Marker service saying that a module's schema is migrated: the core registers one per module,
 * on behalf of the bundle whose {@link org.tessera.crm.core.api.module.ModuleHeaders#CHANGELOG}
 * it ran, with the service properties {@value #MODULE} (the module) and {@value #VERSION} (the
 * id of its last changeset). It leaves when that bundle stops; it never appears when the migration
 * failed. A module's persistence components reference it, so that nothing touches the module's
 * tables before they exist:
 *
 * <pre>{@code
 * @Reference(name = "schema", target = "(" + SchemaReady.MODULE + "=sales)") SchemaReady schema
 * }</pre>
 *
 * The core's own schema is {@value #CORE}: every module's migrations wait for it.
 */
@ProviderType
public interface SchemaReady {
    /** Service property: the module whose schema is ready, for example {@code sales}. */
    String MODULE = "tessera.schema";

    /** Service property: the schema version in place, the id of the changelog's last changeset. */
    String VERSION = "tessera.schema.version";

    /** The core's module name. */
    String CORE = "core";

    /** Reference target of the core's schema. */
    String CORE_TARGET = "(" + MODULE + "=" + CORE + ")";

    /** The reference (or service tracker) filter of {@code module}'s schema. */
    static String target(String module) {
        return "(" + MODULE + "=" + module + ")";
    }
}
