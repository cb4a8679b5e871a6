package org.tessera.crm.core.impl.plan;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.Version;

/** An action plan template and its steps, in order. */
@Entity
@Table(name = "action_plan_template")
public class ActionPlanTemplateEntity {
    @Id
    public String code;
    @Version
    public long version;
    public String name;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "action_plan_template_step", joinColumns = @JoinColumn(name = "template_code"))
    @OrderColumn(name = "seq_no")
    public List<ActionPlanStepValue> steps = new ArrayList<>();
}
