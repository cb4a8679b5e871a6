package org.tessera.crm.service.impl.sla;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.api.activity.ActivityStatus;
import org.tessera.crm.core.api.event.DomainEvent;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.jpa.JpqlQuery;
import org.tessera.crm.core.kit.jpa.ModuleEvents;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.service.api.ServiceTopics;
import org.tessera.crm.service.api.sla.BusinessCalendar;
import org.tessera.crm.service.api.sla.CalendarDTO;
import org.tessera.crm.service.api.sla.MilestoneDefinitionDTO;
import org.tessera.crm.service.api.sla.MilestoneStatusDTO;
import org.tessera.crm.service.api.sla.SlaActionDTO;
import org.tessera.crm.service.api.sla.SlaEngine;
import org.tessera.crm.service.api.sla.SlaPolicyDTO;
import org.tessera.crm.service.api.sla.SlaSetup;
import org.tessera.crm.service.api.sla.SlaSubject;
import org.tessera.crm.service.api.sla.SlaSubjectHandler;
import org.tessera.crm.service.impl.ServiceUnit;
import org.tessera.crm.service.impl.entity.CalendarEntity;
import org.tessera.crm.service.impl.entity.ClockEntity;
import org.tessera.crm.service.impl.entity.PolicyEntity;

/**
 * The SLA engine on the module's tables: one {@code sla_clock} row per milestone of a record. The
 * scheduler ({@link #sweep}) finds due rows by the indexed {@code (state, next_deadline)} and claims
 * them a batch at a time with set-based UPDATEs guarded by their phase, so that a deadline fires once
 * whatever the number of nodes; a deadline passed while no node ran is found by the next sweep (catch-up). Actions
 * run after the claim committed: a failing action is logged, never fired again. The claim also writes
 * the actions as owed ({@link ActionRuns}), leased to this node and released once they ran, so that
 * actions a dying node left undone are run by another node's sweep when the lease lapses.
 */
@Component(service = {SlaEngine.class, SlaSetup.class, SlaEngineImpl.class}, configurationPid = ServiceConfig.PID)
public class SlaEngineImpl implements SlaEngine, SlaSetup {
    private static final Logger LOG = LoggerFactory.getLogger(SlaEngineImpl.class);
    private static final String RUNNING = MilestoneStatusDTO.State.RUNNING.name();
    private static final String PAUSED = MilestoneStatusDTO.State.PAUSED.name();
    /** The external id source of the activities the actions create: a replay after a take-over finds them. */
    static final String ACTIVITY_SOURCE = "sla-action";
    static final Duration DEFAULT_ACTION_LEASE = Duration.ofMinutes(5);

    private final Tx tx;
    private final EngineClock clock;
    private final ModuleEvents events;
    private final ActivityService activities;
    private final CallerContext callers;
    private final ActionRuns actionRuns;
    private final ObjectMapper json = ObjectMappers.create();
    private final Map<String, ComponentServiceObjects<SlaSubjectHandler>> handlers = new ConcurrentHashMap<>();
    /**
     * Parsed bodies, for the clocks' own use (never handed out): a policy row is never changed once
     * written (a change is a new version, a new row) and a calendar's every change moves its version,
     * so neither can go stale, on this node or because of another.
     */
    private final Map<Long, SlaPolicyDTO> parsedPolicies = new ConcurrentHashMap<>();
    private final Map<String, BusinessCalendar> parsedCalendars = new ConcurrentHashMap<>();

    @Activate
    public SlaEngineImpl(@Reference(name = "tx", target = ServiceUnit.TX) Tx tx, @Reference EngineClock clock,
            @Reference DomainEventPublisher events, @Reference ActivityService activities, @Reference CallerContext callers,
            ServiceConfig config) {
        this(tx, clock, events, activities, callers, Duration.ofSeconds(config.slaActionLeaseSeconds()));
    }

    public SlaEngineImpl(Tx tx, EngineClock clock, DomainEventPublisher events, ActivityService activities, CallerContext callers) {
        this(tx, clock, events, activities, callers, DEFAULT_ACTION_LEASE);
    }

    SlaEngineImpl(Tx tx, EngineClock clock, DomainEventPublisher events, ActivityService activities, CallerContext callers,
            Duration actionLease) {
        this.tx = tx;
        this.clock = clock;
        this.events = new ModuleEvents(events);
        this.activities = activities;
        this.callers = callers;
        this.actionRuns = new ActionRuns(actionLease);
    }

    /**
     * Handlers are bound as service objects and got only when an action needs one: the request
     * handler depends on the request service, which depends on this engine, so getting it while this
     * engine activates would be a cycle.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHandler(ComponentServiceObjects<SlaSubjectHandler> handler, Map<String, Object> properties) {
        Object type = properties.get(SlaSubjectHandler.ENTITY_TYPE);
        if (type != null) {
            handlers.put(type.toString(), handler);
        }
    }

    void removeHandler(ComponentServiceObjects<SlaSubjectHandler> handler, Map<String, Object> properties) {
        Object type = properties.get(SlaSubjectHandler.ENTITY_TYPE);
        if (type != null) {
            handlers.remove(type.toString(), handler);
        }
    }

    @Override
    public Instant now() {
        return clock.now();
    }

    // ---- setup

    @Override
    public List<CalendarDTO> calendars() {
        return tx.required(em -> em.createQuery("SELECT c FROM CalendarEntity c ORDER BY c.code", CalendarEntity.class)
                .getResultList().stream().map(this::calendarDto).toList());
    }

    @Override
    public CalendarDTO putCalendar(CalendarDTO calendar) {
        Calendars.of(calendar);
        return tx.required(em -> {
            CalendarEntity entity = em.find(CalendarEntity.class, calendar.code);
            if (entity == null) {
                entity = new CalendarEntity();
                entity.code = calendar.code;
                entity.body = write(calendar);
                em.persist(entity);
            } else {
                entity.body = write(calendar);
            }
            em.flush();
            return calendarDto(entity);
        });
    }

    @Override
    public List<SlaPolicyDTO> policies() {
        return tx.required(em -> currentPolicies(em));
    }

    @Override
    public SlaPolicyDTO putPolicy(SlaPolicyDTO policy) {
        FieldErrors errors = new FieldErrors();
        errors.required("code", policy.code).maxLength("code", policy.code, 40).required("subjectType", policy.subjectType)
                .required("calendar", policy.calendar);
        if (policy.milestones == null || policy.milestones.isEmpty()) {
            errors.invalid("milestones", "a policy needs at least one milestone");
        } else {
            for (int i = 0; i < policy.milestones.size(); i++) {
                MilestoneDefinitionDTO m = policy.milestones.get(i);
                String at = "milestones[" + i + "].";
                errors.required(at + "code", m.code);
                if (m.targetMinutes <= 0) {
                    errors.invalid(at + "targetMinutes", "must be positive");
                }
                if (m.warnBeforeMinutes < 0 || m.warnBeforeMinutes >= Math.max(1, m.targetMinutes)) {
                    errors.invalid(at + "warnBeforeMinutes", "must be between 0 and the target");
                }
                checkActions(at + "warningActions", m.warningActions, errors);
                checkActions(at + "violationActions", m.violationActions, errors);
                checkActions(at + "successActions", m.successActions, errors);
            }
        }
        errors.throwIfAny();
        return tx.required(em -> {
            if (em.find(CalendarEntity.class, policy.calendar) == null) {
                new FieldErrors().invalid("calendar", "no such calendar").throwIfAny();
            }
            List<PolicyEntity> previous = em.createQuery("SELECT p FROM PolicyEntity p WHERE p.code = :code AND p.current = :yes",
                    PolicyEntity.class).setParameter("code", policy.code).setParameter("yes", true).getResultList();
            int version = 1;
            for (PolicyEntity old : previous) {
                old.current = false;
                version = Math.max(version, old.policyVersion + 1);
            }
            PolicyEntity entity = new PolicyEntity();
            entity.code = policy.code;
            entity.policyVersion = version;
            entity.current = true;
            entity.subjectType = policy.subjectType;
            entity.position = policy.position;
            policy.policyVersion = version;
            entity.body = write(policy);
            em.persist(entity);
            em.flush();
            return policyDto(entity);
        });
    }

    private static void checkActions(String field, List<SlaActionDTO> actions, FieldErrors errors) {
        for (int i = 0; actions != null && i < actions.size(); i++) {
            SlaActionDTO action = actions.get(i);
            String at = field + "[" + i + "].";
            if (action.type == null) {
                errors.required(at + "type", null);
            } else if (action.type == SlaActionDTO.Type.ACTIVITY) {
                errors.required(at + "activityType", action.activityType).required(at + "subject", action.subject);
            } else if (action.type == SlaActionDTO.Type.ESCALATE && action.queueCode == null && action.priority == null) {
                errors.invalid(at + "queueCode", "an escalation names a queue or a priority");
            } else if (action.type == SlaActionDTO.Type.FIELD_UPDATE) {
                errors.required(at + "field", action.field);
            }
        }
    }

    // ---- clocks

    @Override
    public List<MilestoneStatusDTO> start(SlaSubject subject) {
        Instant now = clock.now();
        return tx.required(em -> {
            List<Long> rows = em.createQuery("SELECT p.id FROM PolicyEntity p WHERE p.current = :yes ORDER BY p.position, p.code",
                    Long.class).setParameter("yes", true).getResultList();
            List<SlaPolicyDTO> current = rows.stream().map(id -> parsedPolicy(em, id)).toList();
            Optional<SlaPolicyDTO> chosen = PolicySelector.select(current, subject.entityType, subject.facts);
            if (chosen.isEmpty()) {
                return List.of();
            }
            SlaPolicyDTO policy = chosen.get();
            long policyId = rows.get(current.indexOf(policy));
            BusinessCalendar calendar = calendar(em, policy.calendar);
            List<MilestoneStatusDTO> started = new ArrayList<>();
            for (MilestoneDefinitionDTO definition : policy.milestones) {
                ClockEntity c = newClock(subject.entityType, Ids.of(subject.entityType, subject.id), subject.link,
                        subject.partyId == null ? null : Ids.parse(subject.partyId).orElse(null), policyId, definition, 1, now, calendar);
                em.persist(c);
                started.add(status(c, policy, definition, calendar, now));
            }
            return started;
        });
    }

    private static ClockEntity newClock(String type, long id, String link, Long partyId, long policyId, MilestoneDefinitionDTO definition,
            int cycle, Instant now, BusinessCalendar calendar) {
        ClockEntity c = new ClockEntity();
        c.subjectType = type;
        c.subjectId = id;
        c.subjectLink = link;
        c.partyId = partyId;
        c.policyId = policyId;
        c.milestone = definition.code;
        c.cycle = cycle;
        c.state = RUNNING;
        c.phase = MilestoneMath.NONE;
        c.startedAt = now;
        MilestoneMath.schedule(c, definition, calendar);
        return c;
    }

    @Override
    public void statusChanged(String entityType, String id, String status, String category, boolean pauses) {
        Instant now = clock.now();
        List<Fired> fired = tx.required(em -> {
            List<Fired> done = new ArrayList<>();
            Cache cache = new Cache(em);
            for (ClockEntity c : liveClocks(em, entityType, id)) {
                SlaPolicyDTO policy = parsedPolicy(em, c.policyId);
                MilestoneDefinitionDTO definition = definition(policy, c.milestone);
                BusinessCalendar calendar = cache.calendar(policy.calendar);
                if (definition.completeOnStatuses.contains(status) || (category != null && definition.completeOnStatuses.contains(category))) {
                    done.add(complete(em, c, policy, definition, calendar, now));
                } else if (pauses && RUNNING.equals(c.state)) {
                    MilestoneMath.pause(c, now);
                } else if (!pauses && PAUSED.equals(c.state)) {
                    MilestoneMath.resume(c, definition, calendar, now);
                }
            }
            return recorded(em, done);
        });
        fired.forEach(this::act);
    }

    @Override
    public void activityLogged(String entityType, String id, String activityType) {
        Instant now = clock.now();
        List<Fired> fired = tx.required(em -> {
            List<Fired> done = new ArrayList<>();
            Cache cache = new Cache(em);
            for (ClockEntity c : liveClocks(em, entityType, id)) {
                SlaPolicyDTO policy = parsedPolicy(em, c.policyId);
                MilestoneDefinitionDTO definition = definition(policy, c.milestone);
                if (activityType != null && activityType.equals(definition.completeOnActivityType)) {
                    done.add(complete(em, c, policy, definition, cache.calendar(policy.calendar), now));
                }
            }
            return recorded(em, done);
        });
        fired.forEach(this::act);
    }

    /** An activity of {@code activityType} names the record {@code link}: its waiting milestones complete. */
    public void activityLoggedOn(String link, String activityType) {
        Instant now = clock.now();
        List<Fired> fired = tx.required(em -> {
            List<Fired> done = new ArrayList<>();
            Cache cache = new Cache(em);
            for (ClockEntity c : em.createQuery("SELECT c FROM ClockEntity c WHERE c.subjectLink = :link AND c.state IN :states",
                    ClockEntity.class).setParameter("link", link).setParameter("states", List.of(RUNNING, PAUSED)).getResultList()) {
                SlaPolicyDTO policy = parsedPolicy(em, c.policyId);
                MilestoneDefinitionDTO definition = definition(policy, c.milestone);
                if (activityType != null && activityType.equals(definition.completeOnActivityType)) {
                    done.add(complete(em, c, policy, definition, cache.calendar(policy.calendar), now));
                }
            }
            return recorded(em, done);
        });
        fired.forEach(this::act);
    }

    private Fired complete(EntityManager em, ClockEntity c, SlaPolicyDTO policy, MilestoneDefinitionDTO definition,
            BusinessCalendar calendar, Instant now) {
        MilestoneMath.complete(c, calendar, definition.targetMinutes, now);
        if (definition.recurring) {
            em.persist(newClock(c.subjectType, c.subjectId, c.subjectLink, c.partyId, c.policyId, definition, c.cycle + 1, now, calendar));
        }
        return new Fired(snapshot(c), definition.successActions, ServiceTopics.MILESTONE_SUCCEEDED);
    }

    @Override
    public void cancel(String entityType, String id) {
        tx.required(em -> {
            for (ClockEntity c : liveClocks(em, entityType, id)) {
                c.state = MilestoneStatusDTO.State.CANCELLED.name();
                c.nextDeadline = null;
                c.completedAt = clock.now();
            }
            return null;
        });
    }

    @Override
    public List<MilestoneStatusDTO> milestones(String entityType, String id) {
        long key = Ids.of(entityType, id);
        Instant now = clock.now();
        return tx.required(em -> {
            Cache cache = new Cache(em);
            return em.createQuery("SELECT c FROM ClockEntity c WHERE c.subjectType = :type AND c.subjectId = :id ORDER BY c.id",
                    ClockEntity.class).setParameter("type", entityType).setParameter("id", key).getResultList().stream().map(c -> {
                        SlaPolicyDTO policy = parsedPolicy(em, c.policyId);
                        return status(c, policy, definition(policy, c.milestone), cache.calendar(policy.calendar), now);
                    }).toList();
        });
    }

    /**
     * One sweep: fires every deadline due at the engine's time; returns how many fired. The due rows
     * are read by the indexed {@code (state, next_deadline)}, a batch at a time, and each batch is
     * claimed in one transaction by a few set-based UPDATEs (one per kind of transition), each guarded
     * by the very conditions the transition was computed from (state, phase, deadline passed, target
     * passed or not). A clock's phase only moves forward (NONE, WARNED, VIOLATED), so a transition is
     * committed once across nodes. When an UPDATE claims fewer rows than it was given, another node (or
     * the record itself) moved some clocks in between: the batch is rolled back and claimed again one
     * clock at a time under its version check, so that nothing fires twice and nothing is left behind.
     *
     * <p>A claimed clock is no longer due, so each batch is simply the earliest due deadlines, read in
     * the index's order and only as far as the batch. Should a batch hold a clock that an earlier batch
     * of this sweep could not claim (it stays due after a failure), the sweep goes on by id instead,
     * after the last id read, so that it ends and no clock waits behind one that keeps failing.
     */
    public int sweep(int batchSize) {
        Instant now = clock.now();
        try {
            resumeLapsedActions(now, batchSize);
        } catch (RuntimeException e) {
            // the rows stay owed, for the next sweep: the deadlines due now are not held back by them
            LOG.warn("SLA actions left by a stopped node could not be taken over: {}", e.toString());
        }
        int firedCount = 0;
        Set<Long> tried = new HashSet<>();
        boolean byDeadline = true;
        Long after = null;
        while (true) {
            boolean deadlineOrder = byDeadline;
            Long from = after;
            List<Long> seen = new ArrayList<>();
            List<Fired> fired;
            try {
                fired = tx.required(em -> {
                    JpqlQuery due = JpqlQuery.of("SELECT c FROM ClockEntity c")
                            .where("c.state = :running", "running", RUNNING).where("c.nextDeadline <= :now", "now", now);
                    if (!deadlineOrder) {
                        due.where("c.id > :after", "after", from);
                    }
                    List<ClockEntity> batch = due.create(em, deadlineOrder ? "c.nextDeadline" : "c.id", ClockEntity.class)
                            .setMaxResults(batchSize)
                            .setHint("eclipselink.read-only", "true") // read to decide, never written through: not registered in the unit of work
                            .getResultList();
                    batch.forEach(c -> seen.add(c.id));
                    return recorded(em, claimBatch(em, batch, now));
                });
            } catch (RuntimeException contended) {
                if (seen.isEmpty()) {
                    throw contended; // the read itself failed: the sweep fails, the rows stay due
                }
                if (lostClaim(contended)) {
                    LOG.debug("SLA batch of {} clocks contended, claimed one by one: {}", seen.size(), contended.getMessage());
                } else {
                    // a lock timeout or deadlock between nodes, or a fault: said, since the slow path hides it otherwise
                    LOG.warn("SLA batch claim of {} clocks failed, claimed one by one: {}", seen.size(), contended.toString());
                }
                fired = claimEach(seen, now);
            }
            fired.forEach(this::act);
            firedCount += fired.size();
            if (seen.size() < batchSize) {
                return firedCount;
            }
            if (byDeadline && !seen.stream().allMatch(tried::add)) {
                byDeadline = false; // a clock came back: go on by id, from the start
            } else if (!byDeadline) {
                after = seen.get(seen.size() - 1);
            }
        }
    }

    /**
     * Claims {@code due} (read in this transaction) with one guarded UPDATE per kind of transition;
     * throws {@link ClaimLost} when any row no longer qualifies, so that the caller rolls back.
     */
    List<Fired> claimBatch(EntityManager em, List<ClockEntity> due, Instant now) {
        Map<Transition, List<ClockEntity>> groups = new LinkedHashMap<>();
        for (ClockEntity c : due) {
            Transition transition = Transition.of(c, now);
            if (transition != null) {
                groups.computeIfAbsent(transition, key -> new ArrayList<>()).add(c);
            }
        }
        Cache cache = new Cache(em);
        List<Fired> claimed = new ArrayList<>();
        for (Map.Entry<Transition, List<ClockEntity>> group : groups.entrySet()) {
            Transition transition = group.getKey();
            List<Long> ids = group.getValue().stream().map(c -> c.id).toList();
            int updated = transition.update(em, ids, now);
            if (updated != ids.size()) {
                throw new ClaimLost(ids.size() - updated);
            }
            for (ClockEntity c : group.getValue()) {
                MilestoneDefinitionDTO definition = definition(parsedPolicy(em, c.policyId), c.milestone);
                ClockView view = snapshot(c);
                if (transition.warn()) {
                    claimed.add(new Fired(view, definition.warningActions, ServiceTopics.MILESTONE_WARNED));
                }
                if (transition.violate()) {
                    claimed.add(new Fired(view, definition.violationActions, ServiceTopics.MILESTONE_VIOLATED));
                }
            }
        }
        return claimed;
    }

    private static boolean lostClaim(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ClaimLost) {
                return true;
            }
        }
        return false;
    }

    /** The contended path: each clock in a transaction of its own, under its optimistic lock. */
    private List<Fired> claimEach(List<Long> ids, Instant now) {
        List<Fired> fired = new ArrayList<>();
        for (Long id : ids) {
            try {
                fired.addAll(tx.required(em -> recorded(em, claim(em, id, now))));
            } catch (RuntimeException lost) {
                // another node claimed it (optimistic lock), or the record moved it meanwhile
            }
        }
        return fired;
    }

    /** Claims the due deadline(s) of one clock: the warning, then the violation when its target has passed too (catch-up). */
    private List<Fired> claim(EntityManager em, long id, Instant now) {
        ClockEntity c = em.find(ClockEntity.class, id);
        Transition transition = c == null ? null : Transition.of(c, now);
        if (transition == null) {
            return List.of();
        }
        MilestoneDefinitionDTO definition = definition(parsedPolicy(em, c.policyId), c.milestone);
        c.phase = transition.violate() ? MilestoneMath.VIOLATED : MilestoneMath.WARNED;
        c.warned |= transition.warn();
        c.violated |= transition.violate();
        c.nextDeadline = MilestoneMath.nextDeadline(c);
        em.flush(); // the version check: a row claimed meanwhile elsewhere fails here
        ClockView view = snapshot(c);
        List<Fired> claimed = new ArrayList<>();
        if (transition.warn()) {
            claimed.add(new Fired(view, definition.warningActions, ServiceTopics.MILESTONE_WARNED));
        }
        if (transition.violate()) {
            claimed.add(new Fired(view, definition.violationActions, ServiceTopics.MILESTONE_VIOLATED));
        }
        return claimed;
    }

    /** The events of what fired, recorded in the transaction that claimed or completed it. */
    List<Fired> recorded(EntityManager em, List<Fired> fired) {
        List<DomainEvent> recorded = new ArrayList<>(fired.size());
        for (Fired f : fired) {
            ClockView c = f.clock();
            Map<String, Object> properties = new HashMap<>();
            properties.put("subjectType", c.subjectType());
            properties.put("subjectId", c.subjectId());
            properties.put("milestone", c.milestone());
            properties.put("entityType", c.subjectType());
            properties.put("id", c.subjectId());
            recorded.add(new DomainEvent(f.topic(), properties));
        }
        events.recordAll(em, recorded); // one batch: a burst after downtime fires thousands at once
        List<ActionRuns.Owed> owed = fired.stream().filter(Fired::owesActions).map(Fired::owed).toList();
        if (!owed.isEmpty()) {
            try {
                actionRuns.owe(em.unwrap(Connection.class), owed, clock.now());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot record the SLA actions owed", e);
            }
        }
        return fired;
    }

    /**
     * The actions that another node (or this one, before a restart) claimed but did not finish: their
     * lease lapsed, so they are claimed here and run again; their activities are found by their key
     * rather than created twice.
     */
    private void resumeLapsedActions(Instant now, int batchSize) {
        List<Fired> resumed = tx.required(em -> {
            List<ActionRuns.Owed> taken;
            try {
                taken = actionRuns.takeOver(em.unwrap(Connection.class), now, batchSize);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot take over the lapsed SLA actions", e);
            }
            List<Fired> fired = new ArrayList<>();
            for (ActionRuns.Owed owed : taken) {
                ClockEntity c = em.find(ClockEntity.class, owed.clockId());
                if (c == null) { // erased with its record meanwhile: nothing left to act on
                    release(em, owed);
                    continue;
                }
                MilestoneDefinitionDTO definition = definition(parsedPolicy(em, c.policyId), c.milestone);
                fired.add(Fired.of(snapshot(c), definition, owed.kind()));
            }
            return fired;
        });
        if (!resumed.isEmpty()) {
            LOG.info("SLA actions of {} deadlines left undone by a node whose lease lapsed: run again here ({})", resumed.size(),
                    actionRuns.node());
        }
        resumed.forEach(this::act);
    }

    private void release(EntityManager em, ActionRuns.Owed owed) {
        try {
            actionRuns.release(em.unwrap(Connection.class), owed);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release the SLA actions of clock " + owed.clockId(), e);
        }
    }

    /** Runs the actions of a fired deadline, after its claim committed (its event with it), as the system. */
    private void act(Fired fired) {
        ClockView c = fired.clock();
        List<SlaActionDTO> actions = fired.actions();
        for (int i = 0; i < actions.size(); i++) {
            SlaActionDTO action = actions.get(i);
            String key = c.clockId() + "-" + fired.kind() + "-" + i;
            try {
                callers.callAsSystem(() -> {
                    run(action, c, key);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("SLA action {} of milestone {} on {} {} failed: {}", action.type, c.milestone(), c.subjectType(), c.subjectId(), e.toString());
            }
        }
        if (fired.owesActions()) {
            try {
                tx.required(em -> {
                    release(em, fired.owed());
                    return null;
                });
            } catch (RuntimeException e) {
                // the row stays: when its lease lapses a sweep runs the actions again, idempotently
                LOG.warn("SLA actions of clock {} ran but could not be marked done: {}", c.clockId(), e.toString());
            }
        }
    }

    private void run(SlaActionDTO action, ClockView c, String key) {
        ComponentServiceObjects<SlaSubjectHandler> objects = handlers.get(c.subjectType());
        SlaSubjectHandler handler = objects == null ? null : objects.getService();
        try {
            run(action, c, handler, key);
        } finally {
            if (handler != null) {
                objects.ungetService(handler);
            }
        }
    }

    private void run(SlaActionDTO action, ClockView c, SlaSubjectHandler handler, String key) {
        switch (action.type) {
            case EVENT -> { } // the milestone's event is always posted
            case ACTIVITY -> {
                ActivityDTO activity = new ActivityDTO();
                activity.type = action.activityType;
                activity.subject = action.subject;
                activity.status = ActivityStatus.PLANNED;
                activity.dueAt = clock.now();
                String assignee = "OWNER".equalsIgnoreCase(String.valueOf(action.assignee)) || action.assignee == null
                        ? (handler == null ? null : handler.ownerOf(c.subjectId())) : action.assignee;
                activity.assigneeId = assignee;
                activity.ownerId = assignee;
                if (c.partyId() != null) {
                    activity.participants.add(Ids.format(c.partyId()));
                }
                activity.links.add(c.subjectLink());
                activity.externalIds.put(ACTIVITY_SOURCE, key);
                try {
                    activities.create(activity);
                } catch (ConflictException e) {
                    if (!("externalIds." + ACTIVITY_SOURCE).equals(e.field())) {
                        throw e;
                    }
                    LOG.debug("SLA activity {} was created before its node stopped: not created again", key);
                }
            }
            case ESCALATE -> {
                if (handler != null) {
                    handler.escalate(c.subjectId(), action.queueCode, action.priority);
                }
            }
            case FIELD_UPDATE -> {
                if (handler != null) {
                    handler.updateField(c.subjectId(), action.field, action.value);
                }
            }
            default -> throw new IllegalStateException(action.type.toString());
        }
    }

    // ---- reading

    private List<ClockEntity> liveClocks(EntityManager em, String entityType, String id) {
        return em.createQuery("SELECT c FROM ClockEntity c WHERE c.subjectType = :type AND c.subjectId = :id AND c.state IN :states",
                ClockEntity.class).setParameter("type", entityType).setParameter("id", Ids.of(entityType, id))
                .setParameter("states", List.of(RUNNING, PAUSED)).getResultList();
    }

    private List<SlaPolicyDTO> currentPolicies(EntityManager em) {
        return em.createQuery("SELECT p FROM PolicyEntity p WHERE p.current = :yes ORDER BY p.position, p.code", PolicyEntity.class)
                .setParameter("yes", true).getResultList().stream().map(this::policyDto).toList();
    }

    private static MilestoneStatusDTO status(ClockEntity c, SlaPolicyDTO policy, MilestoneDefinitionDTO definition,
            BusinessCalendar calendar, Instant now) {
        MilestoneStatusDTO status = MilestoneMath.status(c, definition.targetMinutes, calendar, now);
        status.policy = policy.code;
        status.policyVersion = policy.policyVersion;
        return status;
    }

    private static MilestoneDefinitionDTO definition(SlaPolicyDTO policy, String milestone) {
        return policy.milestones.stream().filter(m -> m.code.equals(milestone)).findFirst()
                .orElseThrow(() -> new IllegalStateException("policy " + policy.code + " v" + policy.policyVersion + " has no " + milestone));
    }

    /** The calendar as it is now: its version read, its body parsed only for a version not seen before. */
    private BusinessCalendar calendar(EntityManager em, String code) {
        List<Long> version = em.createQuery("SELECT c.version FROM CalendarEntity c WHERE c.code = :code", Long.class)
                .setParameter("code", code).getResultList();
        if (version.isEmpty()) {
            throw new IllegalStateException("no calendar " + code);
        }
        String key = code + "@" + version.get(0);
        BusinessCalendar parsed = parsedCalendars.get(key);
        if (parsed == null) {
            CalendarEntity entity = em.find(CalendarEntity.class, code);
            if (entity == null) {
                throw new IllegalStateException("no calendar " + code);
            }
            parsed = Calendars.of(calendarDto(entity));
            if (entity.version == version.get(0)) { // not changed in between: the body is the version's
                remember(parsedCalendars, key, parsed);
            }
        }
        return parsed;
    }

    /** The policy row's parsed body; see {@link #parsedPolicies}. */
    private SlaPolicyDTO parsedPolicy(EntityManager em, long id) {
        SlaPolicyDTO parsed = parsedPolicies.get(id);
        if (parsed == null) {
            parsed = policyDto(em.find(PolicyEntity.class, id));
            remember(parsedPolicies, id, parsed);
        }
        return parsed;
    }

    /** Keeps a parsed body, within a bound: policies and calendars are few, their versions a few more. */
    private static <K, V> void remember(Map<K, V> memo, K key, V value) {
        if (memo.size() >= 1_000) {
            memo.clear();
        }
        memo.put(key, value);
    }

    private CalendarDTO calendarDto(CalendarEntity entity) {
        CalendarDTO dto = read(entity.body, CalendarDTO.class);
        dto.code = entity.code;
        dto.version = entity.version;
        return dto;
    }

    private SlaPolicyDTO policyDto(PolicyEntity entity) {
        SlaPolicyDTO dto = read(entity.body, SlaPolicyDTO.class);
        dto.code = entity.code;
        dto.policyVersion = entity.policyVersion;
        dto.position = entity.position;
        dto.subjectType = entity.subjectType;
        return dto;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " unreadable", e);
        }
    }

    private static ClockView snapshot(ClockEntity c) {
        return new ClockView(c.id, c.subjectType, Ids.format(c.subjectId), c.subjectLink, c.partyId, c.milestone);
    }

    /** What the actions of a fired deadline need of its clock, read inside the claiming transaction. */
    record ClockView(long clockId, String subjectType, String subjectId, String subjectLink, Long partyId, String milestone) {
    }

    record Fired(ClockView clock, List<SlaActionDTO> actions, String topic) {
        /** The deadline of {@code kind} of the clock again, for actions taken over from another node. */
        static Fired of(ClockView clock, MilestoneDefinitionDTO definition, String kind) {
            return switch (kind) {
                case "WARNED" -> new Fired(clock, definition.warningActions, ServiceTopics.MILESTONE_WARNED);
                case "VIOLATED" -> new Fired(clock, definition.violationActions, ServiceTopics.MILESTONE_VIOLATED);
                case "SUCCEEDED" -> new Fired(clock, definition.successActions, ServiceTopics.MILESTONE_SUCCEEDED);
                default -> throw new IllegalStateException("no SLA deadline kind " + kind);
            };
        }

        /** WARNED, VIOLATED or SUCCEEDED: the topic's last part. */
        String kind() {
            return topic.substring(topic.lastIndexOf('/') + 1);
        }

        /** Whether an action does more than the event, which is recorded with the claim itself. */
        boolean owesActions() {
            return actions != null && actions.stream().anyMatch(a -> a.type != SlaActionDTO.Type.EVENT);
        }

        ActionRuns.Owed owed() {
            return new ActionRuns.Owed(clock.clockId(), kind());
        }
    }

    /**
     * What a due clock goes through at {@code now}: from its current phase, a warning, a violation or
     * both (catch-up). Its {@link #update} is the set-based claim of every clock of a batch that goes
     * through the same transition, guarded by the conditions it was computed from.
     */
    record Transition(String from, boolean warn, boolean violate) {
        static Transition of(ClockEntity c, Instant now) {
            if (!RUNNING.equals(c.state) || c.nextDeadline == null || c.nextDeadline.isAfter(now)) {
                return null;
            }
            boolean violate = !now.isBefore(c.targetAt);
            boolean warn = MilestoneMath.NONE.equals(c.phase) && c.warnAt != null;
            return warn || violate ? new Transition(c.phase, warn, violate) : null;
        }

        int update(EntityManager em, List<Long> ids, Instant now) {
            // Native SQL with the transition's constants written in: as a JPQL bulk UPDATE (every value
            // bound) the claims of a 5,500-clock burst took 1.5-1.9 s on Derby, written this way 0.13-0.39 s.
            StringBuilder sql = new StringBuilder("UPDATE sla_clock SET version = version + 1, phase = '")
                    .append(violate ? MilestoneMath.VIOLATED : MilestoneMath.WARNED).append("'");
            if (warn) {
                sql.append(", warned = TRUE");
            }
            // the next deadline after a warning is the target (MilestoneMath.nextDeadline); none after a violation
            sql.append(violate ? ", violated = TRUE, next_deadline = NULL" : ", next_deadline = target_at");
            // the list padded to a few sizes (an id repeated changes nothing): each distinct length is a
            // statement that Derby compiles, and a 500-parameter one costs hundreds of milliseconds
            List<Long> padded = new ArrayList<>(ids);
            int size = 8;
            while (size < ids.size()) {
                size *= 2;
            }
            while (padded.size() < size) {
                padded.add(ids.get(ids.size() - 1));
            }
            // The guard says "due" by warn_at / target_at, of which next_deadline is derived, and not by
            // next_deadline itself: on that indexed column, Derby chose the deadline index and scanned
            // every due row for each batch (measured 5x slower) instead of probing the primary key.
            sql.append(" WHERE id IN (").append("?, ".repeat(size - 1)).append("?) AND state = '").append(RUNNING)
                    .append("' AND phase = '").append(from).append("'");
            sql.append(violate ? " AND target_at <= ?" : " AND warn_at <= ? AND target_at > ?");
            if (MilestoneMath.NONE.equals(from)) {
                sql.append(warn ? " AND warn_at IS NOT NULL" : " AND warn_at IS NULL");
            }
            Query update = em.createNativeQuery(sql.toString());
            int position = 1;
            for (Long id : padded) {
                update.setParameter(position++, id);
            }
            Timestamp at = Timestamp.from(now);
            update.setParameter(position++, at);
            if (!violate) {
                update.setParameter(position, at);
            }
            return update.executeUpdate();
        }
    }

    /** A batch claim found fewer claimable rows than it read: rolled back, claimed clock by clock. */
    static final class ClaimLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClaimLost(int lost) {
            super(lost + " clocks of the batch were claimed or moved elsewhere meanwhile", null, false, false);
        }
    }

    /** Calendars read once per transaction (policies come parsed from {@link #parsedPolicy}). */
    private final class Cache {
        private final EntityManager em;
        private final Map<String, BusinessCalendar> calendars = new HashMap<>();

        Cache(EntityManager em) {
            this.em = em;
        }

        BusinessCalendar calendar(String code) {
            return calendars.computeIfAbsent(code, key -> SlaEngineImpl.this.calendar(em, key));
        }
    }
}
