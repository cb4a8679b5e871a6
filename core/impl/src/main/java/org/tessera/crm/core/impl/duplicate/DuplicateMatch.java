package org.tessera.crm.core.impl.duplicate;

import org.tessera.crm.core.api.duplicate.DuplicateAction;
import org.tessera.crm.core.api.duplicate.DuplicateCandidateDTO;

/** A stored (or earlier imported) party a write matches: the best rule and score, and its perimeter. */
public record DuplicateMatch(String partyId, String displayName, String orgUnitId, String rule, DuplicateAction action,
        double score) {

    public DuplicateCandidateDTO toDto() {
        return new DuplicateCandidateDTO(partyId, displayName, rule, action, Math.round(score * 1000) / 1000.0);
    }
}
