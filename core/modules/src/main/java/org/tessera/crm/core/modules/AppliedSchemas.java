package org.tessera.crm.core.modules;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.schema.SchemaMigrations;

/** The schema version a module's migrations left, for the module lists: unknown rather than a failed list. */
final class AppliedSchemas {
    private static final Logger LOG = LoggerFactory.getLogger(AppliedSchemas.class);

    private AppliedSchemas() {
    }

    static Optional<String> version(SchemaMigrations migrations, String module) {
        try {
            return migrations.appliedVersion(module);
        } catch (RuntimeException e) {
            LOG.warn("Schema version of module {} unavailable: {}", module, e.getMessage());
            return Optional.empty();
        }
    }
}
