package org.tessera.crm.service.api;

import java.util.ArrayList;
import java.util.List;

/**
 * What a request opened with this template is pre-filled with: type, priority, participants,
 * responsible agents, linked objects, and an action plan launched on it.
 */
public class RequestTemplateDTO {
    public String code;
    public String name;
    public String type;
    public String priority;
    public String summary;
    /** Party ids added as participants. */
    public List<String> participants = new ArrayList<>();
    /** Agent ids; the first becomes the owner when none was given. */
    public List<String> agents = new ArrayList<>();
    /** Linked business objects, {@code module:entity:id}. */
    public List<String> objects = new ArrayList<>();
    /** A core action plan template code, launched on the request when it is opened. */
    public String actionPlan;
    public long version;
}
