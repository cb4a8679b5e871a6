package org.tessera.crm.core.ui.internal;

import java.util.List;

/** A {@code tessera-ui.json} that cannot be served, with every fault found in it. */
final class InvalidUiDescriptorException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<String> faults;

    InvalidUiDescriptorException(List<String> faults) {
        super(String.join("; ", faults));
        this.faults = List.copyOf(faults);
    }

    List<String> faults() {
        return faults;
    }
}
