package org.tessera.crm.core.api.plan;

import java.util.ArrayList;
import java.util.List;

/** A plan template: its steps, each an activity due a number of business days (Monday to Friday) after the launch. */
public class ActionPlanTemplateDTO {
    public String code;
    public String name;
    public List<Step> steps = new ArrayList<>();
    public long version;

    /** One step of a template. */
    public static class Step {
        /** Business days after the launch date (0: the launch day, or the next business day when it is a weekend). */
        public int offsetDays;
        /** An activity type code (CALL, TASK, LETTER...). */
        public String activityType;
        public String subject;
        /** Who does it: {@code OWNER} (the plan's owner, the default), {@code CALLER} (who launches it) or an agent id. */
        public String assignee;
    }
}
