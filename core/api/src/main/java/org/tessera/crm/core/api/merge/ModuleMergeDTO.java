package org.tessera.crm.core.api.merge;

import java.util.ArrayList;
import java.util.List;

/** What one module did in a merge: the records it moved and those it kept on a victim by its clash rule. */
public class ModuleMergeDTO {
    public String module;
    public List<MovedRecordDTO> moved = new ArrayList<>();
    public List<MovedRecordDTO> kept = new ArrayList<>();

    public ModuleMergeDTO() {
    }

    public ModuleMergeDTO(String module) {
        this.module = module;
    }
}
