package org.tessera.crm.forecasting.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A submitted forecast: immutable, with its lines, the adjustments it carried and the
 * opportunities behind the position's own lines.
 */
public class RevisionDTO {
    public String id;
    public String positionId;
    public String periodId;
    public int revision;
    public Instant submittedAt;
    public String submittedBy;
    public String rollupSource;
    public List<ForecastLineDTO> own = new ArrayList<>();
    public List<ForecastLineDTO> rollup = new ArrayList<>();
    public List<ForecastLineDTO> total = new ArrayList<>();
    public List<RevisionOpportunityDTO> opportunities = new ArrayList<>();
    /** What changed since the previous revision (empty for revision 1). */
    public List<OpportunityDeltaDTO> deltas = new ArrayList<>();
}
