package org.tessera.crm.forecasting.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A position's forecast for a period as the caller sees it: its own opportunities and the rollup
 * of its subordinates apart, the adjustments visible to the caller, the resulting totals, and
 * quotas with attainment and coverage.
 */
public class ForecastDTO {
    public PositionDTO position;
    public PeriodDTO period;
    /** {@code SUBMITTED}: subordinates count with their last submitted revision (live when none); {@code LIVE}: all computed now. */
    public String rollupSource;
    public boolean cumulative;
    /** The reporting currency, {@code null} for figures per currency. */
    public String currency;
    /** Currencies whose amounts were left out because no rate to the reporting currency was known at the period's end. */
    public Set<String> missingRates = new TreeSet<>();
    /** The last submitted revision, 0 when none. */
    public int lastRevision;
    /** Whether the figures changed since the last submit (the next submit makes revision {@code lastRevision + 1}). */
    public boolean changedSinceSubmit;
    public List<ForecastLineDTO> own = new ArrayList<>();
    public List<SubordinateForecastDTO> subordinates = new ArrayList<>();
    public List<ForecastLineDTO> rollup = new ArrayList<>();
    public List<ForecastLineDTO> total = new ArrayList<>();
    public List<AdjustmentDTO> adjustments = new ArrayList<>();
    public List<QuotaFiguresDTO> quotas = new ArrayList<>();
}
