package org.tessera.crm.core.api.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The answer to an erasure: per module (the core first), what was erased and what was kept. */
public class ErasureReportDTO {
    public String partyId;
    public Instant erasedAt;
    public List<ErasureResultDTO> modules = new ArrayList<>();
    /** Installed modules without a provider, and known modules not installed: their data, if any, was not erased. */
    public List<KnownModuleDTO> notCovered = new ArrayList<>();
}
