package org.tessera.crm.marketing.impl.rules;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.tessera.crm.core.kit.FieldErrors;

/**
 * The campaign tree's two rules: no cycle (a campaign is never under itself) and no deeper than the
 * configured limit (Salesforce stops at 5 levels; ours is configurable, 5 by default).
 */
public final class Hierarchy {
    private Hierarchy() {
    }

    /**
     * Checks moving {@code campaignId} (null for a new one) under {@code parentId}.
     *
     * @param parents      each campaign's parent (null for a root), enough to walk up from parentId
     * @param subtreeDepth levels of the moved campaign's subtree (1 for a leaf or a new campaign)
     * @return the campaign's new depth (1 for a root)
     */
    public static int depthUnder(Long campaignId, Long parentId, Map<Long, Long> parents, int subtreeDepth, int maxDepth,
            FieldErrors errors) {
        if (parentId == null) {
            if (subtreeDepth > maxDepth) {
                errors.invalid("parentId", "the hierarchy would be " + subtreeDepth + " levels deep; at most " + maxDepth);
            }
            return 1;
        }
        int depth = 1;
        Set<Long> seen = new HashSet<>();
        for (Long at = parentId; at != null; at = parents.get(at)) {
            if (at.equals(campaignId) || !seen.add(at)) {
                errors.invalid("parentId", "a campaign cannot be under itself or one of its descendants");
                return 1;
            }
            depth++;
        }
        if (depth - 1 + subtreeDepth > maxDepth) {
            errors.invalid("parentId", "the hierarchy would be " + (depth - 1 + subtreeDepth) + " levels deep; at most " + maxDepth);
        }
        return depth;
    }
}
