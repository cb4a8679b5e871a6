package org.tessera.crm.service.api;

/**
 * Opens a request from an interaction (a core activity): the request takes over its participants,
 * agents and linked objects. {@code request} gives what the interaction does not (summary, type...);
 * {@code templateCode} pre-fills the rest.
 */
public class OpenFromInteractionDTO {
    public String activityId;
    public String templateCode;
    public RequestDTO request = new RequestDTO();
}
