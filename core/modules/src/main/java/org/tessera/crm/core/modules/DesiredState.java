package org.tessera.crm.core.modules;

import java.time.Instant;

/**
 * A row of {@code module_desired_state}: what the administrators last asked of a module through
 * {@code /v1/modules}, which every node converges to.
 *
 * @param desired        {@link #INSTALLED} or {@link #UNINSTALLED}
 * @param operation      the last change ({@code install}, {@code update}, {@code uninstall}): what a node that has not seen it repeats
 * @param updateBundle   with {@code updateLocation}, the bundle of the last update from a new build; null otherwise
 * @param updateLocation where that build came from; kept until the next install or uninstall, so that a
 *                       node installing the module afresh applies it too (an update without a location
 *                       takes each bundle from its own location again, so it clears them)
 * @param version        raised by each change: the optimistic lock, and what a node records it converged to
 */
record DesiredState(String module, String desired, String featureName, String featureVersion, String operation,
        String updateBundle, String updateLocation, int version, String changedBy, Instant changedAt) {
    static final String INSTALLED = "INSTALLED";
    static final String UNINSTALLED = "UNINSTALLED";
    static final String INSTALL = "install";
    static final String UPDATE = "update";
    static final String UNINSTALL = "uninstall";

    boolean installed() {
        return INSTALLED.equals(desired);
    }

    /** The state after {@code operation} ({@link #INSTALL}, {@link #UPDATE} or {@link #UNINSTALL}), one version on. */
    DesiredState next(String operation, String featureName, String featureVersion, String updateBundle, String updateLocation,
            String changedBy, Instant changedAt) {
        return create(module, operation, featureName, featureVersion, updateBundle, updateLocation, version + 1, changedBy, changedAt);
    }

    /** A state of {@code module} after {@code operation}. */
    static DesiredState create(String module, String operation, String featureName, String featureVersion, String updateBundle,
            String updateLocation, int version, String changedBy, Instant changedAt) {
        String desired = switch (operation) {
            case INSTALL, UPDATE -> INSTALLED;
            case UNINSTALL -> UNINSTALLED;
            default -> throw new IllegalArgumentException("unknown module operation " + operation);
        };
        return new DesiredState(module, desired, featureName, featureVersion, operation, updateBundle, updateLocation, version,
                changedBy, changedAt);
    }
}
