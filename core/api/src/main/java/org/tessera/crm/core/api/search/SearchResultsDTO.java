package org.tessera.crm.core.api.search;

import java.util.ArrayList;
import java.util.List;

/** The answer of the global search: one group per contributor the caller may use (the core's first). */
public class SearchResultsDTO {
    /** The text searched, as received (trimmed). */
    public String q;
    public List<SearchGroupDTO> groups = new ArrayList<>();
}
