package org.tessera.crm.core.api.duplicate;

import java.util.ArrayList;
import java.util.List;

/** Parties a scan found to be duplicates of one another: linked by matched pairs, with their scores. */
public class DuplicateSetDTO {
    /** OPEN until a reviewer dismisses it; a dismissed set's pairs are not proposed by later scans. */
    public enum Status {
        OPEN, DISMISSED
    }

    /** The set's number within its scan. */
    public String id;
    public String scanId;
    public Status status;
    /** The strongest pair's score (0..1). */
    public double bestScore;
    public List<Member> members = new ArrayList<>();
    public List<Pair> pairs = new ArrayList<>();

    /** A party of the set. */
    public static class Member {
        public String partyId;
        public String displayName;
        public String partyType;

        public Member() {
        }

        public Member(String partyId, String displayName, String partyType) {
            this.partyId = partyId;
            this.displayName = displayName;
            this.partyType = partyType;
        }
    }

    /** Two parties of the set that matched, the rule that matched them best and its score. */
    public static class Pair {
        public String partyId;
        public String otherPartyId;
        public String rule;
        public double score;

        public Pair() {
        }

        public Pair(String partyId, String otherPartyId, String rule, double score) {
            this.partyId = partyId;
            this.otherPartyId = otherPartyId;
            this.rule = rule;
            this.score = score;
        }
    }
}
