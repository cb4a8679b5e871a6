package org.tessera.crm.core.impl.plan;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** One step of a template, in its collection table. */
@Embeddable
public class ActionPlanStepValue {
    @Column(name = "offset_days")
    public int offsetDays;
    @Column(name = "activity_type")
    public String activityType;
    public String subject;
    public String assignee;
}
