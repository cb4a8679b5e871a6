package org.tessera.crm.service.api.sla;

import java.util.ArrayList;
import java.util.List;

/**
 * A milestone of a policy: its target in business minutes of the policy's calendar, when it warns,
 * how it completes (a status code or status category reached, or an activity of a type logged on
 * the record), whether it recurs once completed, and its actions.
 */
public class MilestoneDefinitionDTO {
    /** e.g. FIRST_RESPONSE, RESOLUTION, or a custom code. */
    public String code;
    public long targetMinutes;
    /** The warning fires this many business minutes before the target; 0 for no warning. */
    public long warnBeforeMinutes;
    /** A recurring milestone starts again when it completes (e.g. a response to every customer reply). */
    public boolean recurring;
    /** Status codes or status categories that complete it. */
    public List<String> completeOnStatuses = new ArrayList<>();
    /** An activity of this type linked to the record completes it. */
    public String completeOnActivityType;
    public List<SlaActionDTO> warningActions = new ArrayList<>();
    public List<SlaActionDTO> violationActions = new ArrayList<>();
    /** Fired when the milestone completes, on time or late. */
    public List<SlaActionDTO> successActions = new ArrayList<>();
}
