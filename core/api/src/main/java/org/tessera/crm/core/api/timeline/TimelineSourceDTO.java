package org.tessera.crm.core.api.timeline;

import java.util.ArrayList;
import java.util.List;

/** A module that contributes entries to party timelines, and the kinds of entries it declares. */
public class TimelineSourceDTO {
    /** The module, for example {@code sales}. */
    public String module;
    /**
     * The kinds its contributors declare ({@code LEAD}, {@code OPPORTUNITY}), sorted; empty when a
     * contributor declares none (its entries can then be filtered by module only).
     */
    public List<String> kinds = new ArrayList<>();
}
