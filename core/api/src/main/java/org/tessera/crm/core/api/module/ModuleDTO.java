package org.tessera.crm.core.api.module;

import java.util.ArrayList;
import java.util.List;

/** A module of the running server, as {@code GET /v1/modules} and {@code tessera:modules} show it. */
public class ModuleDTO {
    public String name;
    /** Version of the module's implementation bundle (the highest of its bundles' versions). */
    public String version;
    /**
     * ACTIVE when every bundle is active; otherwise the least advanced bundle state; AVAILABLE for
     * a module that is not installed but can be (listed with {@code GET /v1/modules?include=available}).
     */
    public String state;
    /** Id of the last changeset of the module's migrations applied to the database, if it has any. */
    public String schemaVersion;
    /** The Karaf feature that deploys the module, when there is one. */
    public String feature;
    /** What the module does, in the words of its feature; may be null. */
    public String description;
    public List<ModuleBundleDTO> bundles = new ArrayList<>();
    /** Permissions the module declares (its {@code PermissionProvider} services). */
    public List<String> permissions = new ArrayList<>();
    /**
     * What the module plugs into the core: extension point interfaces it implements
     * ({@code TimelineContributor}, {@code Validator[PARTY]}…) and its REST resources.
     */
    public List<String> extensionPoints = new ArrayList<>();
    /**
     * What the administrators asked for through {@code /v1/modules}, which every node converges
     * to: {@code INSTALLED} or {@code UNINSTALLED}; null when the module was never installed or
     * uninstalled through it.
     */
    public String desiredState;
    /** The version of the desired state, raised by each install, update and uninstall; null with it. */
    public Integer desiredVersion;
    /** What each node observed of the module, by node id. */
    public List<ModuleNodeDTO> nodes = new ArrayList<>();
}
