package org.tessera.crm.core.api.overview;

import java.util.ArrayList;
import java.util.List;

import org.tessera.crm.core.api.spi.ContributionStatus;

/**
 * One section of a party's overview, contributed by a module: a few key figures (a count, a total
 * per currency) and a few items (the next opportunities, the last quote). A section that could not
 * be computed says so through its {@link #status} and has neither figures nor items.
 */
public class OverviewSectionDTO {
    /** Module that contributed it: {@code core}, {@code sales}… (set by the core). */
    public String module;
    /** Key of the section, unique within its module (set by the core). */
    public String section;
    /** Title for a person (set by the core). */
    public String title;
    /** Whether it was computed (set by the core). */
    public ContributionStatus status;
    /** Why it was not computed, when {@link #status} is not {@code OK}. */
    public String message;
    public List<KeyFigureDTO> figures = new ArrayList<>();
    public List<OverviewItemDTO> items = new ArrayList<>();
    /** API path of the full list behind the section, relative to {@code /v1}, if there is one. */
    public String href;

    /** A section of {@code figures} and {@code items}. */
    public static OverviewSectionDTO of(List<KeyFigureDTO> figures, List<OverviewItemDTO> items) {
        OverviewSectionDTO section = new OverviewSectionDTO();
        section.figures = new ArrayList<>(figures);
        section.items = new ArrayList<>(items);
        return section;
    }
}
