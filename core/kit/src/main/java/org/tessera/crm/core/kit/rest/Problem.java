package org.tessera.crm.core.kit.rest;

import java.util.ArrayList;
import java.util.List;

import org.tessera.crm.core.api.FieldError;

/**
 * An RFC 9457 problem details body. Absent members are left {@code null} and not serialized.
 * {@link #errors} names each offending field or query parameter; {@link #errorId} lets a client
 * quote an unexpected failure that the server logged under the same id.
 */
public class Problem {
    public String type;
    public String title;
    public int status;
    public String detail;
    public String instance;
    public String errorId;
    public List<FieldError> errors;

    public Problem() {
    }

    public Problem(String type, String title, int status, String detail) {
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
    }

    /** Adds an offending field; returns this problem. */
    public Problem withError(FieldError error) {
        if (errors == null) {
            errors = new ArrayList<>();
        }
        errors.add(error);
        return this;
    }
}
