package org.tessera.crm.core.api.schema;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The schemas of the modules, as the core's migrations left them. A module never runs its
 * migrations itself: it names its Liquibase changelog in its manifest
 * ({@link org.tessera.crm.core.api.module.ModuleHeaders#CHANGELOG}), the core runs it when the
 * bundle starts and then registers {@link SchemaReady}. Each module's history is kept apart (by
 * changelog path) in the shared history table, and what its migrations created is recorded in a
 * ledger that outlives the module; nothing is ever dropped when a module leaves.
 */
@ProviderType
public interface SchemaMigrations {

    /**
     * The id of the last changeset of {@code module}'s migrations applied to the database, if any
     * ran (also once the module has been uninstalled: its schema stays).
     *
     * @throws IllegalStateException when the database cannot be read
     */
    Optional<String> appliedVersion(String module);

    /**
     * Drops every table and sequence that the migrations of {@code module} created, and forgets
     * their history, so that a later install starts from an empty schema; audited (entity
     * {@code MODULE}, action {@code DELETE}, one change per dropped object) in the purge's own
     * transaction. Irreversible: callers ask for confirmation and refuse while the module is installed.
     *
     * @return the dropped objects, newest first, as {@code TABLE name} or {@code SEQUENCE name}
     * @throws IllegalArgumentException for the core, whose schema cannot be purged
     * @throws IllegalStateException when the purge fails; nothing is dropped then
     */
    List<String> purge(String module);
}
