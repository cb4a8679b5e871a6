package org.tessera.crm.core.api.schema;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * Runs a module's own versioned schema migrations (Liquibase changelogs) on the {@code tessera}
 * DataSource. A module's migrator component references this service, calls {@link #migrate} on
 * activation with a changelog shipped in its own bundle, and only then registers the marker
 * service its persistence components wait for. Each module's history is kept apart (by changelog
 * path) in the shared history table; nothing is ever dropped when a module leaves.
 */
@ProviderType
public interface SchemaMigrations {

    /**
     * Applies the changesets of {@code changelogPath} that have not run yet; does nothing when the
     * schema is current. Runs on the caller's thread.
     *
     * @param module the module the schema belongs to, such as {@code sales} (for logs)
     * @param bundle the bundle whose resources hold the changelog and its included files
     * @param changelogPath the changelog's path inside {@code bundle}, unique across modules,
     *            for example {@code org/tessera/crm/sales/impl/db/changelog.xml}
     * @return the schema version now in place: the id of the changelog's last changeset
     * @throws IllegalStateException when a changeset fails (the schema is then left as the
     *             failed changeset's transaction left it, and the caller must not start)
     */
    String migrate(String module, Bundle bundle, String changelogPath);

    /**
     * The id of the last changeset of {@code module}'s migrations applied to the database, if any
     * ran (also once the module has been uninstalled: its schema stays).
     */
    java.util.Optional<String> appliedVersion(String module);

    /**
     * Drops every table and sequence that the migrations of {@code module} created, and forgets
     * their history, so that a later install starts from an empty schema. Irreversible: callers
     * ask for confirmation, refuse while the module is installed, and audit the purge.
     *
     * @return the dropped objects, as {@code TABLE name} or {@code SEQUENCE name}
     * @throws IllegalArgumentException for the core, whose schema cannot be purged
     */
    java.util.List<String> purge(String module);
}
