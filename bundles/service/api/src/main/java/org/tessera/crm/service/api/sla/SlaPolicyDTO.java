package org.tessera.crm.service.api.sla;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An SLA policy (an entitlement process), versioned: each write of a code makes a new version, and
 * a running milestone keeps the version it started with. Policies are tried by {@code position};
 * the first whose {@code criteria} all match the record's facts (e.g. {@code priority}, {@code type},
 * {@code classification}, {@code customFields.contract}) and whose {@code subjectType} is the
 * record's applies.
 */
public class SlaPolicyDTO {
    public String code;
    /** Server-owned: 1 for the first write of a code, then +1. */
    public int policyVersion;
    public String name;
    /** The entity type it applies to, e.g. SERVICE_REQUEST. */
    public String subjectType;
    public String calendar;
    public int position;
    public Map<String, String> criteria = new LinkedHashMap<>();
    public List<MilestoneDefinitionDTO> milestones = new ArrayList<>();
}
