package org.tessera.crm.marketing.impl.rest;

import java.util.List;
import java.util.Map;

/** Bodies of the module's action requests (an unknown member is refused, 400 naming it). */
final class Requests {
    private Requests() {
    }

    public static class AddMember {
        public String partyId;
    }

    public static class AddMembers {
        public List<String> partyIds;
    }

    public static class FromSegment {
        public String segmentId;
    }

    public static class Send {
        public boolean retryFailed;
    }

    public static class Criteria {
        public Map<String, Object> criteria;
    }

    public static class PartyList {
        public List<String> partyIds;
    }
}
