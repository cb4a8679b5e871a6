package org.tessera.crm.core.api.merge;

import org.tessera.crm.core.api.ConflictException;

/** A merge or an undo that a module (or the core) refuses, with its reason. HTTP 409; nothing was changed. */
public class MergeRefusedException extends ConflictException {
    private static final long serialVersionUID = 1L;
    private final String module;
    private final String reason;

    public MergeRefusedException(String module, String reason) {
        super("merge", module + ": " + reason);
        this.module = module;
        this.reason = reason;
    }

    public String module() {
        return module;
    }

    public String reason() {
        return reason;
    }
}
