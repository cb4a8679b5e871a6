package org.tessera.crm.service.api;

/** A page of requests, newest id last, filtered by any of the fields set. */
public class RequestQuery {
    public String partyId;
    public String status;
    /** Only requests whose status is in this category. */
    public StatusCategory category;
    /** Only requests not resolved or closed. */
    public Boolean open;
    public String queueId;
    public String ownerId;
    /** "My requests": owned by the caller's agent. */
    public boolean mine;
    /** "My queues": in a queue the caller's agent is a member of. */
    public boolean myQueues;
    public String number;
    public int limit = 50;
    public String cursor;
}
