package org.tessera.crm.core.api.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.tessera.crm.core.api.overview.OverviewSectionDTO;

/**
 * Whiteboard service: a module that registers one adds a section to the 360° overview of parties
 * ({@code GET /v1/parties/{id}/overview}). The overview grows when the module is installed and
 * shrinks when it leaves. A module registers one contributor per section; sections are ordered by
 * module (the core's first), then by descending {@code service.ranking}, then by section key.
 *
 * <p>The core calls {@link #contribute} only for a party the caller may see, only when the caller
 * has {@link #requiredPermission()}, on a worker thread to which the caller is bound (so
 * {@code CallerContext} and {@code RecordScope} answer for them), in parallel with the other
 * sections and within a time budget: past it the thread is interrupted and the section is shown
 * as {@link ContributionStatus#TIMEOUT}.
 */
@ConsumerType
public interface OverviewContributor {

    /** Module name, as in permissions and links: {@code core}, {@code sales}, {@code dealer}. */
    String module();

    /** Key of the section, unique within the module, such as {@code opportunities}. */
    String section();

    /** Title of the section as shown to a person, such as {@code Open opportunities}. */
    String title();

    /** The permission the caller needs for the section to be computed, such as {@code sales.opportunity.read}. */
    String requiredPermission();

    /**
     * The section's content for one party: its key figures and items, scoped to the caller. The
     * core sets the section's module, key, title and status itself.
     *
     * @param partyId the id of a party the caller may see
     * @return the section, never {@code null} (a section with no figures and no items is empty)
     */
    OverviewSectionDTO contribute(String partyId);
}
