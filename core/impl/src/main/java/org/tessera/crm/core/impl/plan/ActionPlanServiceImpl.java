package org.tessera.crm.core.impl.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;


import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.api.activity.ActivityStatus;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.api.plan.ActionPlanDTO;
import org.tessera.crm.core.api.plan.ActionPlanService;
import org.tessera.crm.core.api.plan.ActionPlanTemplateDTO;
import org.tessera.crm.core.api.plan.LaunchPlanDTO;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Action plans on the core's unit. Launching is a saga: the activities are created through the
 * activity service (each validated, audited and announced as any activity), then the plan row that
 * lists them; a failure on the way cancels the activities already created. A plan's completion is
 * read from its activities, so it is never out of date.
 */
@Component
public class ActionPlanServiceImpl implements ActionPlanService {
    static final String TEMPLATE = "ACTION_PLAN_TEMPLATE";
    static final String PLAN = "ACTION_PLAN";

    private final Tx tx;
    private final ActivityService activities;
    private final OrgService org;
    private final RecordScope scope;
    private final CallerContext callers;
    private final ModuleAudit audit;

    @Activate
    public ActionPlanServiceImpl(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, @Reference(name = "activities") ActivityService activities,
            @Reference(name = "org") OrgService org, @Reference(name = "scope") RecordScope scope,
            @Reference(name = "callers") CallerContext callers, @Reference(name = "auditRecorder") AuditRecorder auditRecorder) {
        this.tx = tx;
        this.activities = activities;
        this.org = org;
        this.scope = scope;
        this.callers = callers;
        this.audit = new ModuleAudit(auditRecorder);
    }

    @Override
    public List<ActionPlanTemplateDTO> templates() {
        return tx.required(em -> em.createQuery("SELECT t FROM ActionPlanTemplateEntity t ORDER BY t.code", ActionPlanTemplateEntity.class)
                .getResultList().stream().map(this::toDto).toList());
    }

    @Override
    public ActionPlanTemplateDTO template(String code) {
        return tx.required(em -> Optional.ofNullable(code == null ? null : em.find(ActionPlanTemplateEntity.class, code)).map(this::toDto))
                .orElseThrow(() -> new NotFoundException(TEMPLATE, code));
    }

    @Override
    public ActionPlanTemplateDTO putTemplate(ActionPlanTemplateDTO template) {
        FieldErrors errors = new FieldErrors().required("code", template.code).maxLength("code", template.code, 40)
                .required("name", template.name).maxLength("name", template.name, 120);
        if (template.steps == null || template.steps.isEmpty()) {
            errors.invalid("steps", "a plan has at least one step");
        } else {
            for (int i = 0; i < template.steps.size(); i++) {
                ActionPlanTemplateDTO.Step step = template.steps.get(i);
                String at = "steps[" + i + "].";
                errors.required(at + "activityType", step.activityType).required(at + "subject", step.subject)
                        .maxLength(at + "subject", step.subject, 200).maxLength(at + "activityType", step.activityType, 40);
                if (step.offsetDays < 0 || step.offsetDays > 3650) {
                    errors.invalid(at + "offsetDays", "between 0 and 3650 business days");
                }
                if (step.assignee != null && !"OWNER".equals(step.assignee) && !"CALLER".equals(step.assignee)
                        && (Ids.reference(at + "assignee", step.assignee, errors) == null || org.findAgent(step.assignee).isEmpty())) {
                    errors.invalid(at + "assignee", "OWNER, CALLER or an agent id");
                }
            }
        }
        errors.throwIfAny();
        return tx.required(em -> {
            ActionPlanTemplateEntity entity = em.find(ActionPlanTemplateEntity.class, template.code);
            ActionPlanTemplateDTO before = entity == null ? null : toDto(entity);
            if (entity == null) {
                entity = new ActionPlanTemplateEntity();
                entity.code = template.code;
                em.persist(entity);
            }
            entity.name = template.name;
            entity.steps.clear();
            for (ActionPlanTemplateDTO.Step step : template.steps) {
                ActionPlanStepValue value = new ActionPlanStepValue();
                value.offsetDays = step.offsetDays;
                value.activityType = step.activityType;
                value.subject = step.subject;
                value.assignee = step.assignee;
                entity.steps.add(value);
            }
            em.flush();
            ActionPlanTemplateDTO after = toDto(entity);
            if (before == null) {
                audit.created(em, TEMPLATE, after.code, after);
            } else {
                audit.updated(em, TEMPLATE, after.code, before, after);
            }
            return after;
        });
    }

    @Override
    public ActionPlanDTO launch(LaunchPlanDTO launch) {
        FieldErrors errors = new FieldErrors().required("templateCode", launch.templateCode).required("recordLink", launch.recordLink)
                .maxLength("recordLink", launch.recordLink, 200).required("partyId", launch.partyId);
        if (launch.recordLink != null && launch.recordLink.split(":").length != 3) {
            errors.invalid("recordLink", "module:entity:id");
        }
        Long party = Ids.reference("partyId", launch.partyId, errors);
        Long owner = Ids.reference("ownerId", launch.ownerId, errors);
        if (party != null && !scope.canAccessParty(launch.partyId)) {
            errors.invalid("partyId", "no such party");
        }
        if (owner != null && org.findAgent(launch.ownerId).isEmpty()) {
            errors.invalid("ownerId", "no such agent");
        }
        ActionPlanTemplateEntity template = launch.templateCode == null ? null
                : tx.required(em -> em.find(ActionPlanTemplateEntity.class, launch.templateCode));
        if (launch.templateCode != null && template == null) {
            errors.invalid("templateCode", "no such action plan template");
        }
        errors.throwIfAny();
        Instant start = launch.startAt != null ? launch.startAt : Times.now();
        String caller = org.findAgentByLogin(callers.currentLogin()).map(a -> a.id).orElse(null);
        List<Long> created = new ArrayList<>();
        try {
            for (ActionPlanStepValue step : template.steps) {
                ActivityDTO activity = new ActivityDTO();
                activity.type = step.activityType;
                activity.subject = step.subject;
                activity.status = ActivityStatus.PLANNED;
                LocalDate day = BusinessDays.plus(start.atZone(ZoneOffset.UTC).toLocalDate(), step.offsetDays);
                activity.dueAt = day.atTime(start.atZone(ZoneOffset.UTC).toLocalTime()).toInstant(ZoneOffset.UTC);
                String assignee = "CALLER".equals(step.assignee) ? caller
                        : step.assignee == null || "OWNER".equals(step.assignee) ? launch.ownerId : step.assignee;
                activity.assigneeId = assignee;
                activity.ownerId = launch.ownerId != null ? launch.ownerId : assignee;
                activity.participants.add(launch.partyId);
                activity.links.add(launch.recordLink);
                created.add(Ids.of("ACTIVITY", activities.create(activity).id));
            }
            return tx.required(em -> {
                ActionPlanEntity plan = new ActionPlanEntity();
                plan.templateCode = launch.templateCode;
                plan.recordLink = launch.recordLink;
                plan.partyId = party;
                plan.ownerId = owner;
                plan.launchedAt = start;
                plan.activityIds.addAll(created);
                em.persist(plan);
                em.flush();
                ActionPlanDTO dto = toDto(plan);
                audit.created(em, PLAN, dto.id, dto);
                return dto;
            });
        } catch (RuntimeException e) {
            created.forEach(id -> cancelActivity(Ids.format(id)));
            throw e;
        }
    }

    @Override
    public ActionPlanDTO get(String id) {
        long key = Ids.of(PLAN, id);
        ActionPlanEntity plan = tx.required(em -> em.find(ActionPlanEntity.class, key));
        if (plan == null || !scope.canAccessParty(Ids.format(plan.partyId))) {
            throw new NotFoundException(PLAN, id);
        }
        return toDto(plan);
    }

    @Override
    public List<ActionPlanDTO> forRecord(String recordLink) {
        return tx.required(em -> em.createQuery("SELECT p FROM ActionPlanEntity p WHERE p.recordLink = :link ORDER BY p.id",
                ActionPlanEntity.class).setParameter("link", recordLink).getResultList()).stream()
                .filter(p -> scope.canAccessParty(Ids.format(p.partyId))).map(this::toDto).toList();
    }

    @Override
    public ActionPlanDTO cancel(String id) {
        ActionPlanDTO plan = get(id);
        return cancelPlan(Ids.of(PLAN, plan.id));
    }

    @Override
    public int cancelForRecord(String recordLink) {
        List<Long> running = tx.required(em -> em.createQuery("SELECT p.id FROM ActionPlanEntity p WHERE p.recordLink = :link"
                + " AND p.cancelled = :no", Long.class).setParameter("link", recordLink).setParameter("no", false).getResultList());
        running.forEach(this::cancelPlan);
        return running.size();
    }

    /** Marks the plan cancelled, then cancels the activities still planned. */
    private ActionPlanDTO cancelPlan(long id) {
        ActionPlanEntity plan = tx.required(em -> {
            ActionPlanEntity entity = em.find(ActionPlanEntity.class, id);
            if (!entity.cancelled) {
                ActionPlanDTO before = toDto(entity);
                entity.cancelled = true;
                em.flush();
                audit.updated(em, PLAN, before.id, before, toDto(entity));
            }
            return entity;
        });
        plan.activityIds.forEach(activity -> cancelActivity(Ids.format(activity)));
        return toDto(plan);
    }

    private void cancelActivity(String id) {
        callers.callAsSystem(() -> {
            activities.find(id).filter(a -> a.status == ActivityStatus.PLANNED).ifPresent(a -> {
                a.status = ActivityStatus.CANCELLED;
                activities.update(a.id, a.version, a);
            });
            return null;
        });
    }

    private ActionPlanDTO toDto(ActionPlanEntity entity) {
        ActionPlanDTO dto = new ActionPlanDTO();
        dto.id = Ids.format(entity.id);
        dto.templateCode = entity.templateCode;
        dto.recordLink = entity.recordLink;
        dto.partyId = Ids.format(entity.partyId);
        dto.ownerId = Ids.format(entity.ownerId);
        dto.launchedAt = entity.launchedAt;
        dto.version = entity.version;
        boolean allDone = true;
        for (int i = 0; i < entity.activityIds.size(); i++) {
            ActionPlanDTO.StepStatus step = new ActionPlanDTO.StepStatus();
            step.position = i;
            step.activityId = Ids.format(entity.activityIds.get(i));
            Optional<ActivityDTO> activity = callers.callAsSystem(() -> activities.find(step.activityId));
            activity.ifPresent(a -> {
                step.activityType = a.type;
                step.subject = a.subject;
                step.dueAt = a.dueAt;
                step.assigneeId = a.assigneeId;
                step.status = a.status;
            });
            allDone &= activity.map(a -> a.status != ActivityStatus.PLANNED).orElse(true);
            dto.steps.add(step);
        }
        dto.status = entity.cancelled ? ActionPlanDTO.Status.CANCELLED : allDone ? ActionPlanDTO.Status.COMPLETED : ActionPlanDTO.Status.RUNNING;
        return dto;
    }

    private ActionPlanTemplateDTO toDto(ActionPlanTemplateEntity entity) {
        ActionPlanTemplateDTO dto = new ActionPlanTemplateDTO();
        dto.code = entity.code;
        dto.name = entity.name;
        for (ActionPlanStepValue value : entity.steps) {
            ActionPlanTemplateDTO.Step step = new ActionPlanTemplateDTO.Step();
            step.offsetDays = value.offsetDays;
            step.activityType = value.activityType;
            step.subject = value.subject;
            step.assignee = value.assignee;
            dto.steps.add(step);
        }
        dto.version = entity.version;
        return dto;
    }
}
