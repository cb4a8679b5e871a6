package org.tessera.crm.core.api.imports;

import java.util.ArrayList;
import java.util.List;

import org.tessera.crm.core.api.FieldError;

/** A row an import did not write, with its line number and every reason. */
public class RejectedRow {
    public long line;
    public List<FieldError> errors = new ArrayList<>();
    /** Ids of the stored parties the row duplicates, when a duplicate rule rejected it. */
    public List<String> duplicateOf = new ArrayList<>();

    public RejectedRow() {
    }

    public RejectedRow(long line, List<FieldError> errors) {
        this.line = line;
        this.errors = new ArrayList<>(errors);
    }
}
