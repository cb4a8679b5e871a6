package org.tessera.crm.core.api.privacy;

import java.util.ArrayList;
import java.util.List;

/** What one module (or the core) erased, and what it kept and why. */
public class ErasureResultDTO {
    public String module;
    public List<ErasureItemDTO> erased = new ArrayList<>();
    public List<ErasureItemDTO> kept = new ArrayList<>();

    public ErasureResultDTO() {
    }

    public ErasureResultDTO(String module) {
        this.module = module;
    }
}
