package org.tessera.crm.forecasting.api;

import java.util.ArrayList;
import java.util.List;

/** What one direct subordinate contributes to a manager's rollup. */
public class SubordinateForecastDTO {
    public String positionId;
    public String name;
    /** {@code SUBMITTED} (their last revision) or {@code LIVE} (computed now). */
    public String source;
    /** The revision used, when {@code source} is {@code SUBMITTED}. */
    public Integer revision;
    public List<ForecastLineDTO> lines = new ArrayList<>();
    public List<QuotaFiguresDTO> quotas = new ArrayList<>();
}
