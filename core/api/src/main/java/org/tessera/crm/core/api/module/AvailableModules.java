package org.tessera.crm.core.api.module;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The modules that could be installed but are not (state {@code AVAILABLE}); {@link ModuleDTO#schemaVersion}
 * is set when a past install left its schema, and so possibly data, in the database.
 *
 * @since 1.4
 */
@ProviderType
public interface AvailableModules {
    List<ModuleDTO> available();
}
