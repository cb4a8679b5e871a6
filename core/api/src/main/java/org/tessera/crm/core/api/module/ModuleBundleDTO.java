package org.tessera.crm.core.api.module;

/** One bundle of a module. */
public class ModuleBundleDTO {
    public long id;
    public String symbolicName;
    public String version;
    /** ACTIVE, RESOLVED, INSTALLED, STARTING or STOPPING. */
    public String state;
}
