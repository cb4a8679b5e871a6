package org.tessera.crm.service.api;

import java.util.ArrayList;
import java.util.List;

/** A queue of requests and the agents who work it. */
public class QueueDTO {
    public String id;
    public String code;
    public String name;
    public Distribution distribution = Distribution.ROUND_ROBIN;
    /** Agent ids. */
    public List<String> members = new ArrayList<>();
    public long version;

    /** How a request routed into the queue gets its owner. */
    public enum Distribution {
        /** Each member in turn. */
        ROUND_ROBIN,
        /** The member with the fewest open requests. */
        LEAST_OPEN,
        /** Nobody: the request waits in the queue. */
        NONE
    }
}
