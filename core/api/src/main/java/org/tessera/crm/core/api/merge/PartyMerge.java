package org.tessera.crm.core.api.merge;

import java.util.List;

/**
 * One merge as a contributor sees it.
 *
 * @param mergeId   the merge log's id of the merge
 * @param survivorId the party that stays
 * @param victimIds the parties merged into it, in the order of the request
 */
public record PartyMerge(String mergeId, String survivorId, List<String> victimIds) {
    public PartyMerge {
        victimIds = List.copyOf(victimIds);
    }
}
