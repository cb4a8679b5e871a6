package org.tessera.crm.service.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One assignment rule. Rules are evaluated in order, the first whose conditions all hold wins.
 * Conditions map a request field ({@code type}, {@code priority}, {@code severity}, {@code origin},
 * {@code reason}, {@code product}) or {@code customFields.<key>} to the value it must have.
 */
public class AssignmentRuleDTO {
    public String name;
    public Map<String, String> conditions = new LinkedHashMap<>();
    /** Route into this queue (by code), then distribute inside it. */
    public String queueCode;
    /** Or give the request to this agent. */
    public String agentId;
}
