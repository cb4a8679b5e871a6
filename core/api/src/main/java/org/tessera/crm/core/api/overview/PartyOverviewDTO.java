package org.tessera.crm.core.api.overview;

import java.util.ArrayList;
import java.util.List;

/** A party's 360° overview: its key facts, then its sections (the core's first, then each module's). */
public class PartyOverviewDTO {
    public PartyFactsDTO party;
    public List<OverviewSectionDTO> sections = new ArrayList<>();
}
