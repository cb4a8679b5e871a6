package org.tessera.crm.core.api.duplicate;

/** A stored party that a write would duplicate, the rule that matched and how closely (0..1). */
public class DuplicateCandidateDTO {
    public String id;
    public String displayName;
    public String rule;
    public DuplicateAction action;
    public double score;

    public DuplicateCandidateDTO() {
    }

    public DuplicateCandidateDTO(String id, String displayName, String rule, DuplicateAction action, double score) {
        this.id = id;
        this.displayName = displayName;
        this.rule = rule;
        this.action = action;
        this.score = score;
    }
}
