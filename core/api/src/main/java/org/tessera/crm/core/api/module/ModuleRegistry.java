package org.tessera.crm.core.api.module;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The modules installed in the running server, computed from the live bundles and services. */
@ProviderType
public interface ModuleRegistry {

    /** Every installed module, by name. */
    List<ModuleDTO> modules();

    /** The installed module of this name. */
    Optional<ModuleDTO> module(String name);
}
