package org.tessera.crm.core.api.event;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The change feed: every published domain event, in the order the dispatcher gave them positions,
 * filtered by the current caller's permissions and record scope in the query. A change carries
 * the names of the fields that changed, never their values.
 */
@ProviderType
public interface ChangeFeed {
    /** The type of a core party in the feed. */
    String PARTY = "party";
    /** The type of a core activity in the feed. */
    String ACTIVITY = "activity";
    /** The {@link ChangeQuery#since} that starts at the head of the feed: an empty page whose cursor is "now". */
    String NOW = "now";

    /**
     * The page of changes after the query's cursor; when it is empty and the query waits, the
     * first changes published within the wait.
     *
     * @throws org.tessera.crm.core.api.ValidationException naming {@code since}, {@code types} or {@code limit}
     * @throws CursorExpiredException when the cursor points before the oldest change kept
     */
    ChangePage read(ChangeQuery query);
}
