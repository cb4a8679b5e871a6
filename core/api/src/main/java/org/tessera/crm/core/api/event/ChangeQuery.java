package org.tessera.crm.core.api.event;

import java.util.Set;

/** What a reader of the {@link ChangeFeed} asks for. */
public class ChangeQuery {
    /** The cursor of the last change seen ({@link ChangePage#next}), {@link ChangeFeed#NOW}, or {@code null} for the oldest change kept. */
    public String since;
    /** The feed types wanted ({@code party}, {@code sales.opportunity}…); empty: every type the caller may read. */
    public Set<String> types = Set.of();
    /** Changes per page, 1 to 1000. */
    public int limit = 100;
    /** Seconds to wait, 0 to 30, when no change follows the cursor yet. */
    public int waitSeconds;
}
