package org.tessera.crm.core.api.imports;

import java.util.ArrayList;
import java.util.List;

/** A row written although it matches a warning duplicate rule: its line, the party written and the candidates. */
public class DuplicateRow {
    public long line;
    public String recordId;
    public List<String> duplicateOf = new ArrayList<>();

    public DuplicateRow() {
    }

    public DuplicateRow(long line, String recordId, List<String> duplicateOf) {
        this.line = line;
        this.recordId = recordId;
        this.duplicateOf = new ArrayList<>(duplicateOf);
    }
}
