package org.tessera.crm.service.api.sla;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record the SLA engine runs clocks for: its entity type and id, the party it belongs to (record
 * scope), its link ({@code module:entity:id}, how activities name it), and the facts policies are
 * selected by (e.g. {@code priority}, {@code type}, {@code classification}, {@code customFields.x}).
 */
public class SlaSubject {
    public String entityType;
    public String id;
    public String partyId;
    public String link;
    public Map<String, String> facts = new LinkedHashMap<>();
}
