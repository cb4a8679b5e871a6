package org.tessera.crm.core.api.search;

import java.util.ArrayList;
import java.util.List;

import org.tessera.crm.core.api.spi.ContributionStatus;

/** The hits of one type of record, found by one contributor. */
public class SearchGroupDTO {
    /** Type of the records: {@code party}, {@code opportunity}, {@code quote}, {@code vehicle}… */
    public String type;
    /** Module that found them: {@code core}, {@code sales}… */
    public String module;
    /** Title of the group for a person. */
    public String title;
    /** Whether the contributor answered in time. */
    public ContributionStatus status;
    /** Why it did not, when {@link #status} is not {@code OK}. */
    public String message;
    /** At most the limit asked for, best first. */
    public List<SearchHitDTO> items = new ArrayList<>();
    /** Whether more records than {@link #items} match. */
    public boolean more;
}
