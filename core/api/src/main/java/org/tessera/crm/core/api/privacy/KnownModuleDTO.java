package org.tessera.crm.core.api.privacy;

/** A module the server knows of that did not take part in an export or erasure. */
public class KnownModuleDTO {
    public String name;
    /** {@code AVAILABLE} (not installed) or the state of an installed module without a provider. */
    public String state;
    /** True when the module's schema is in the database: it was installed once and may hold data. */
    public boolean leftData;

    public KnownModuleDTO() {
    }

    public KnownModuleDTO(String name, String state, boolean leftData) {
        this.name = name;
        this.state = state;
        this.leftData = leftData;
    }
}
