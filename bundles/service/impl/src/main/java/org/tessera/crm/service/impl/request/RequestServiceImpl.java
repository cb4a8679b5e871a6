package org.tessera.crm.service.impl.request;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.org.AgentDTO;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.plan.ActionPlanService;
import org.tessera.crm.core.api.plan.LaunchPlanDTO;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.kit.RowImports;
import org.tessera.crm.core.kit.CustomValuesJson;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.KeysetCursor;
import org.tessera.crm.core.kit.Pages;
import org.tessera.crm.core.kit.Versions;
import org.tessera.crm.core.kit.jpa.JpqlQuery;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.ModuleEvents;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.service.api.AssignmentRuleDTO;
import org.tessera.crm.service.api.HistoryEntryDTO;
import org.tessera.crm.service.api.OpenFromInteractionDTO;
import org.tessera.crm.service.api.QueueDTO;
import org.tessera.crm.service.api.RequestDTO;
import org.tessera.crm.service.api.RequestElementDTO;
import org.tessera.crm.service.api.RequestElementDTO.ElementKind;
import org.tessera.crm.service.api.RequestQuery;
import org.tessera.crm.service.api.RequestService;
import org.tessera.crm.service.api.RequestTemplateDTO;
import org.tessera.crm.service.api.ServiceTopics;
import org.tessera.crm.service.api.StatusCategory;
import org.tessera.crm.service.api.StatusDTO;
import org.tessera.crm.service.api.sla.SlaSubject;
import org.tessera.crm.service.impl.ServiceUnit;
import org.tessera.crm.service.impl.entity.ElementEntity;
import org.tessera.crm.service.impl.entity.HistoryEntity;
import org.tessera.crm.service.impl.entity.QueueEntity;
import org.tessera.crm.service.impl.entity.RequestEntity;
import org.tessera.crm.service.impl.setup.ServiceSetupImpl;
import org.tessera.crm.service.impl.sla.EngineClock;
import org.tessera.crm.service.impl.sla.ServiceConfig;
import org.tessera.crm.service.impl.sla.SlaEngineImpl;

/**
 * Service requests on the module's tables. A request's writes, its history rows, its audit record,
 * its routing and its SLA clocks commit together; core records it touches (an interaction's links,
 * an action plan's activities) are written after, in their own transactions.
 */
@Component(service = {RequestService.class, RequestServiceImpl.class}, configurationPid = ServiceConfig.PID)
public class RequestServiceImpl implements RequestService {
    static final Set<String> PRIORITIES = Set.of("LOW", "MEDIUM", "HIGH", "URGENT");
    static final Set<String> SEVERITIES = Set.of("MINOR", "MAJOR", "CRITICAL");

    private final Tx tx;
    private final RecordScope scope;
    private final ValidationService validation;
    private final ModuleEvents events;
    private final ModuleAudit audit;
    private final CallerContext callers;
    private final PartyService parties;
    private final OrgService org;
    private final ActivityService activities;
    private final CustomFieldService customFields;
    private final ActionPlanService plans;
    private final ServiceSetupImpl setup;
    private final SlaEngineImpl sla;
    private final EngineClock clock;
    private volatile Duration reopenWindow;

    @Activate
    public RequestServiceImpl(@Reference(name = "tx", target = ServiceUnit.TX) Tx tx, @Reference RecordScope scope,
            @Reference ValidationService validation, @Reference DomainEventPublisher events, @Reference AuditRecorder auditRecorder,
            @Reference CallerContext callers, @Reference PartyService parties, @Reference OrgService org,
            @Reference ActivityService activities, @Reference CustomFieldService customFields, @Reference ActionPlanService plans,
            @Reference ServiceSetupImpl setup, @Reference SlaEngineImpl sla, @Reference EngineClock clock, ServiceConfig config) {
        this.tx = tx;
        this.scope = scope;
        this.validation = validation;
        this.events = new ModuleEvents(events);
        this.audit = new ModuleAudit(auditRecorder);
        this.callers = callers;
        this.parties = parties;
        this.org = org;
        this.activities = activities;
        this.customFields = customFields;
        this.plans = plans;
        this.setup = setup;
        this.sla = sla;
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(ServiceConfig config) {
        reopenWindow = Duration.ofDays(Math.max(0, config.reopenDays()));
    }

    // ---- create

    @Override
    public RequestDTO create(RequestDTO draft) {
        RequestTemplateDTO template = draft.templateCode == null ? null
                : tx.required(em -> setup.template(em, draft.templateCode)).orElseThrow(() -> invalid("templateCode", "no such template"));
        if (template != null) {
            prefill(draft, template);
        }
        Created created = createWithin(draft, true, template, List.of());
        // the request as stored, with the milestones its clocks started with: read again only when an
        // action plan's activities may already have moved them
        return launchPlan(created.stored, template) ? get(created.stored.id) : created.stored;
    }

    private record Created(RequestDTO stored) {
    }

    /**
     * Validates, numbers, routes and stores a request with its SLA clocks and, when routed and started,
     * its first dossier elements (its parties, its owner, the template's and {@code more}), in one
     * transaction of the unit.
     */
    private Created createWithin(RequestDTO draft, boolean routeAndStart, RequestTemplateDTO template, List<Element> more) {
        Checked checked = check(draft, null);
        Instant now = clock.now();
        RequestDTO stored = tx.required(em -> {
            RequestEntity e = new RequestEntity();
            StatusDTO status = setup.status(em, draft.status).orElseThrow();
            apply(draft, checked, e);
            e.number = draft.number != null ? draft.number : RequestNumbers.next(em, draft.type);
            e.statusCategory = status.category.name();
            e.closedAt = status.category.isDone() ? now : null;
            e.createdAt = now;
            e.updatedAt = now;
            if (routeAndStart && e.ownerId == null && e.queueId == null) {
                route(em, e, RequestMapper.facts(draft, checked.classifications));
            }
            em.persist(e);
            em.flush();
            RequestDTO dto = RequestMapper.toDto(e);
            audit.created(em, ENTITY_TYPE, dto.id, dto);
            history(em, e.id, now, "status", null, e.status);
            if (routeAndStart && !status.category.isDone()) {
                dto.milestones = new ArrayList<>(sla.start(subject(dto, checked.classifications)));
            }
            if (routeAndStart) {
                persistElements(em, e.id, dossier(dto, template, more), new HashSet<>(), now);
            }
            events.record(em, ServiceTopics.REQUEST_CREATED, EventProperties.of(ENTITY_TYPE, dto.id, dto.version));
            return dto;
        });
        return new Created(stored);
    }

    /** The first elements of a new request's dossier: {@code more}, its parties, its owner, its template's participants, agents and objects. */
    private static List<Element> dossier(RequestDTO stored, RequestTemplateDTO template, List<Element> more) {
        List<Element> elements = new ArrayList<>(more);
        elements.add(new Element(ElementKind.PARTICIPANT, stored.partyId, null));
        if (stored.contactId != null) {
            elements.add(new Element(ElementKind.PARTICIPANT, stored.contactId, null));
        }
        if (stored.ownerId != null) {
            elements.add(new Element(ElementKind.AGENT, stored.ownerId, null));
        }
        if (template != null) {
            template.participants.forEach(p -> elements.add(new Element(ElementKind.PARTICIPANT, p, null)));
            template.agents.forEach(a -> elements.add(new Element(ElementKind.AGENT, a, null)));
            template.objects.forEach(o -> elements.add(new Element(ElementKind.OBJECT, o, null)));
        }
        return elements;
    }

    /** After the request committed: its template's action plan, through the core; true when one was launched. */
    private boolean launchPlan(RequestDTO stored, RequestTemplateDTO template) {
        if (template != null && template.actionPlan != null) {
            LaunchPlanDTO launch = new LaunchPlanDTO();
            launch.templateCode = template.actionPlan;
            launch.recordLink = RequestService.link(stored.id);
            launch.partyId = stored.partyId;
            launch.ownerId = stored.ownerId;
            launch.startAt = clock.now();
            plans.launch(launch);
            return true;
        }
        return false;
    }

    private static void prefill(RequestDTO draft, RequestTemplateDTO template) {
        draft.type = draft.type != null ? draft.type : template.type;
        draft.priority = draft.priority != null ? draft.priority : template.priority;
        draft.summary = draft.summary != null ? draft.summary : template.summary;
        if (draft.ownerId == null && !template.agents.isEmpty()) {
            draft.ownerId = template.agents.get(0);
        }
    }

    // ---- read

    @Override
    public RequestDTO get(String id) {
        long key = Ids.of(ENTITY_TYPE, id);
        ScopeFilter visible = ScopeFilter.of(scope);
        RequestDTO dto = tx.required(em -> RequestMapper.toDto(find(em, key, id, visible)));
        dto.milestones = sla.milestones(ENTITY_TYPE, dto.id);
        return dto;
    }

    @Override
    public Page<RequestDTO> list(RequestQuery query) {
        KeysetCursor.checkLimit(query.limit);
        FieldErrors errors = new FieldErrors();
        Long party = Ids.reference("partyId", query.partyId, errors);
        Long queue = Ids.reference("queueId", query.queueId, errors);
        Long owner = Ids.reference("ownerId", query.ownerId, errors);
        errors.throwIfAny();
        Long me = query.mine || query.myQueues ? callerAgent().map(a -> Ids.of("AGENT", a.id)).orElse(-1L) : null;
        Long after = KeysetCursor.afterId(query.cursor);
        ScopeFilter visible = ScopeFilter.of(scope);
        return tx.required(em -> {
            JpqlQuery q = JpqlQuery.of("SELECT e FROM RequestEntity e")
                    .where(visible.condition("e.partyId"))
                    .where("e.partyId = :party", "party", party)
                    .where("e.queueId = :queue", "queue", queue)
                    .where("e.ownerId = :owner", "owner", owner)
                    .where("e.status = :status", "status", query.status)
                    .where("e.number = :number", "number", query.number)
                    .where("e.statusCategory = :category", "category", query.category == null ? null : query.category.name())
                    .where("e.id > :after", "after", after);
            if (Boolean.TRUE.equals(query.open)) {
                q.where("e.statusCategory NOT IN ('RESOLVED', 'CLOSED')");
            }
            if (query.mine) {
                q.where("e.ownerId = :me", "me", me);
            }
            if (query.myQueues) {
                q.where("e.queueId IN (SELECT q.id FROM QueueEntity q JOIN q.members m WHERE m = :member)", "member", me);
            }
            List<RequestEntity> fetched = q.create(em, "e.id", RequestEntity.class).setMaxResults(query.limit + 1).getResultList();
            return Pages.byId(fetched, query.limit, e -> e.id, RequestMapper::toDto);
        });
    }

    /** The queues the caller's agent is a member of. */
    public List<QueueDTO> myQueues() {
        Optional<AgentDTO> me = callerAgent();
        if (me.isEmpty()) {
            return List.of();
        }
        long agent = Ids.of("AGENT", me.get().id);
        return tx.required(em -> em.createQuery("SELECT q FROM QueueEntity q JOIN q.members m WHERE m = :agent ORDER BY q.code",
                QueueEntity.class).setParameter("agent", agent).getResultList().stream().map(ServiceSetupImpl::queueDto).toList());
    }

    @Override
    public List<HistoryEntryDTO> history(String requestId) {
        long key = Ids.of(ENTITY_TYPE, requestId);
        ScopeFilter visible = ScopeFilter.of(scope);
        return tx.required(em -> {
            find(em, key, requestId, visible);
            return em.createQuery("SELECT h FROM HistoryEntity h WHERE h.requestId = :id ORDER BY h.id", HistoryEntity.class)
                    .setParameter("id", key).getResultList().stream().map(h -> {
                        HistoryEntryDTO dto = new HistoryEntryDTO();
                        dto.at = h.at;
                        dto.actor = h.actor;
                        dto.field = h.field;
                        dto.oldValue = h.oldValue;
                        dto.newValue = h.newValue;
                        return dto;
                    }).toList();
        });
    }

    @Override
    public Map<ElementKind, List<RequestElementDTO>> elements(String requestId) {
        long key = Ids.of(ENTITY_TYPE, requestId);
        ScopeFilter visible = ScopeFilter.of(scope);
        return tx.required(em -> {
            find(em, key, requestId, visible);
            Map<ElementKind, List<RequestElementDTO>> byKind = new EnumMap<>(ElementKind.class);
            for (ElementKind kind : ElementKind.values()) {
                byKind.put(kind, new ArrayList<>());
            }
            em.createQuery("SELECT e FROM ElementEntity e WHERE e.requestId = :id ORDER BY e.id", ElementEntity.class)
                    .setParameter("id", key).getResultList().forEach(e -> {
                        RequestElementDTO dto = new RequestElementDTO();
                        dto.kind = ElementKind.valueOf(e.kind);
                        dto.ref = e.ref;
                        dto.label = e.label;
                        dto.addedAt = e.addedAt;
                        byKind.get(dto.kind).add(dto);
                    });
            return byKind;
        });
    }

    // ---- update

    @Override
    public RequestDTO update(String id, Long expectedVersion, RequestDTO desired) {
        RequestDTO previous = get(id);
        desired.number = desired.number == null ? previous.number : desired.number;
        Checked checked = check(desired, previous);
        long key = Ids.of(ENTITY_TYPE, id);
        ScopeFilter visible = ScopeFilter.of(scope);
        Instant now = clock.now();
        Updated updated = tx.required(em -> {
            RequestEntity e = find(em, key, id, visible);
            Versions.check(ENTITY_TYPE, id, expectedVersion, e.version);
            RequestDTO before = RequestMapper.toDto(e);
            StatusDTO status = setup.status(em, desired.status).orElseThrow();
            StatusCategory from = StatusCategory.valueOf(e.statusCategory);
            String refusal = StatusTransitions.refusal(from, status.category, e.closedAt, now, reopenWindow);
            if (refusal != null && !desired.status.equals(e.status)) {
                throw invalid("status", refusal);
            }
            apply(desired, checked, e);
            e.statusCategory = status.category.name();
            if (status.category.isDone() && !from.isDone()) {
                e.closedAt = now;
            } else if (!status.category.isDone()) {
                e.closedAt = null;
            }
            RequestDTO after = RequestMapper.toDto(e);
            Map<String, String[]> changes = RequestMapper.changes(before, after);
            if (changes.isEmpty()) {
                return new Updated(before, changes, null);
            }
            e.updatedAt = now;
            em.flush();
            after = RequestMapper.toDto(e);
            changes.forEach((field, values) -> history(em, e.id, now, field, values[0], values[1]));
            audit.updated(em, ENTITY_TYPE, id, before, after);
            events.record(em, ServiceTopics.REQUEST_UPDATED, EventProperties.of(ENTITY_TYPE, id, after.version,
                    changes.keySet().toArray(String[]::new)));
            if (changes.containsKey("status")) {
                sla.statusChanged(ENTITY_TYPE, id, status.code, status.category.name(), status.pausesSla);
                if (status.category == StatusCategory.CLOSED) {
                    sla.cancel(ENTITY_TYPE, id);
                }
                events.record(em, ServiceTopics.REQUEST_STATUS_CHANGED, EventProperties.of(ENTITY_TYPE, id, after.version,
                        new String[] {"status"}));
            }
            return new Updated(after, changes, status);
        });
        if (updated.changes.containsKey("status") && updated.status.category == StatusCategory.CLOSED) {
            plans.cancelForRecord(RequestService.link(id));
        }
        return get(id);
    }

    private record Updated(RequestDTO stored, Map<String, String[]> changes, StatusDTO status) {
    }

    @Override
    public void delete(String id, Long expectedVersion) {
        long key = Ids.of(ENTITY_TYPE, id);
        ScopeFilter visible = ScopeFilter.of(scope);
        tx.required(em -> {
            RequestEntity e = find(em, key, id, visible);
            Versions.check(ENTITY_TYPE, id, expectedVersion, e.version);
            audit.deleted(em, ENTITY_TYPE, id, RequestMapper.toDto(e));
            em.createQuery("DELETE FROM HistoryEntity h WHERE h.requestId = :id").setParameter("id", key).executeUpdate();
            em.createQuery("DELETE FROM ElementEntity h WHERE h.requestId = :id").setParameter("id", key).executeUpdate();
            em.createQuery("DELETE FROM DocumentEntity h WHERE h.requestId = :id").setParameter("id", key).executeUpdate();
            em.remove(e);
            sla.cancel(ENTITY_TYPE, id);
            events.record(em, ServiceTopics.REQUEST_DELETED, EventProperties.of(ENTITY_TYPE, id, null));
            return null;
        });
        plans.cancelForRecord(RequestService.link(id));
    }

    // ---- dossiers

    @Override
    public RequestDTO openFromInteraction(OpenFromInteractionDTO command) {
        if (command.activityId == null) {
            throw invalid("activityId", "must not be empty");
        }
        ActivityDTO interaction = activities.find(command.activityId).orElseThrow(() -> invalid("activityId", "no such activity"));
        RequestDTO draft = command.request == null ? new RequestDTO() : command.request;
        draft.templateCode = command.templateCode != null ? command.templateCode : draft.templateCode;
        RequestTemplateDTO template = draft.templateCode == null ? null
                : tx.required(em -> setup.template(em, draft.templateCode)).orElseThrow(() -> invalid("templateCode", "no such template"));
        if (template != null) {
            prefill(draft, template);
        }
        if (draft.partyId == null && !interaction.participants.isEmpty()) {
            draft.partyId = interaction.participants.get(0);
        }
        if (draft.ownerId == null) {
            draft.ownerId = interaction.ownerId;
        }
        draft.origin = draft.origin != null ? draft.origin : interaction.channel;
        draft.summary = draft.summary != null ? draft.summary : interaction.subject;
        Created created = createWithin(draft, true, template, interactionElements(interaction));
        launchPlan(created.stored, template);
        linkInteraction(interaction, created.stored.id);
        return get(created.stored.id);
    }

    @Override
    public RequestDTO attachInteraction(String requestId, String activityId) {
        RequestDTO request = get(requestId);
        if (activityId == null) {
            throw invalid("activityId", "must not be empty");
        }
        ActivityDTO interaction = activities.find(activityId).orElseThrow(() -> invalid("activityId", "no such activity"));
        addElements(Ids.of(ENTITY_TYPE, request.id), interactionElements(interaction));
        linkInteraction(interaction, request.id);
        return get(requestId);
    }

    /** What an interaction brings to a dossier: itself, its participants, its agents and its linked objects. */
    private static List<Element> interactionElements(ActivityDTO interaction) {
        List<Element> elements = new ArrayList<>();
        ElementKind kind = "LETTER".equals(interaction.type) ? ElementKind.LETTER
                : "EMAIL".equals(interaction.type) ? ElementKind.EMAIL : ElementKind.INTERACTION;
        elements.add(new Element(kind, interaction.id, interaction.subject));
        interaction.participants.forEach(p -> elements.add(new Element(ElementKind.PARTICIPANT, p, null)));
        if (interaction.ownerId != null) {
            elements.add(new Element(ElementKind.AGENT, interaction.ownerId, null));
        }
        if (interaction.assigneeId != null) {
            elements.add(new Element(ElementKind.AGENT, interaction.assigneeId, null));
        }
        interaction.links.stream().filter(l -> !l.startsWith(MODULE + ":request:"))
                .forEach(l -> elements.add(new Element(ElementKind.OBJECT, l, null)));
        return elements;
    }

    /** The interaction names the request among the records it concerns, so the request's SLA sees it. */
    private void linkInteraction(ActivityDTO interaction, String requestId) {
        String link = RequestService.link(requestId);
        if (!interaction.links.contains(link)) {
            interaction.links.add(link);
            activities.update(interaction.id, interaction.version, interaction);
        }
    }

    record Element(ElementKind kind, String ref, String label) {
    }

    /** Adds the elements a request lacks (one per kind and reference). */
    void addElements(long requestId, List<Element> elements) {
        Instant now = clock.now();
        tx.required(em -> {
            Set<String> present = new HashSet<>(em.createQuery("SELECT CONCAT(e.kind, '|', e.ref) FROM ElementEntity e"
                    + " WHERE e.requestId = :id", String.class).setParameter("id", requestId).getResultList());
            persistElements(em, requestId, elements, present, now);
            return null;
        });
    }

    /** Stores the elements not in {@code present} (keys {@code kind|ref}), each once. */
    private static void persistElements(EntityManager em, long requestId, List<Element> elements, Set<String> present, Instant now) {
        for (Element element : elements) {
            if (element.ref() != null && present.add(element.kind() + "|" + element.ref())) {
                ElementEntity e = new ElementEntity();
                e.requestId = requestId;
                e.kind = element.kind().name();
                e.ref = element.ref();
                e.label = element.label() == null ? null : element.label().substring(0, Math.min(300, element.label().length()));
                e.addedAt = now;
                em.persist(e);
            }
        }
    }

    /** Adds one element; for the documents generated for a request. */
    public void addElement(String requestId, ElementKind kind, String ref, String label) {
        addElements(Ids.of(ENTITY_TYPE, requestId), List.of(new Element(kind, ref, label)));
    }

    // ---- import

    @Override
    public ImportReport importRequests(Iterator<ImportRow<RequestDTO>> rows) {
        return RowImports.run(rows, this::importOne);
    }

    private void importOne(RequestDTO row, ImportReport report) {
        if (row.number == null && row.externalId == null) {
            throw invalid("number", "an imported request needs its number or an externalId");
        }
        ScopeFilter visible = ScopeFilter.of(scope);
        Optional<RequestEntity> existing = tx.required(em -> JpqlQuery.of("SELECT e FROM RequestEntity e")
                .where(visible.condition("e.partyId"))
                .where(row.number != null ? "e.number = :key" : "e.externalId = :key", "key", row.number != null ? row.number : row.externalId)
                .create(em, null, RequestEntity.class).getResultList().stream().findFirst());
        if (existing.isEmpty()) {
            createWithin(row, false, null, List.of());
            report.created++;
            return;
        }
        RequestDTO before = RequestMapper.toDto(existing.get());
        row.number = row.number == null ? before.number : row.number;
        row.externalId = row.externalId == null ? before.externalId : row.externalId;
        Checked checked = check(row, before);
        RequestDTO candidate = copyOf(before);
        Map<String, String[]> changes = RequestMapper.changes(before, withWritable(candidate, row, checked));
        if (changes.isEmpty()) {
            report.unchanged++;
            return;
        }
        Instant now = clock.now();
        tx.required(em -> {
            RequestEntity e = em.find(RequestEntity.class, existing.get().id);
            StatusDTO status = setup.status(em, row.status).orElseThrow();
            apply(row, checked, e);
            e.statusCategory = status.category.name();
            e.updatedAt = now;
            em.flush();
            changes.forEach((field, values) -> history(em, e.id, now, field, values[0], values[1]));
            RequestDTO after = RequestMapper.toDto(e);
            audit.updated(em, ENTITY_TYPE, before.id, before, after);
            events.record(em, ServiceTopics.REQUEST_UPDATED, EventProperties.of(ENTITY_TYPE, before.id, after.version,
                    changes.keySet().toArray(String[]::new)));
            return null;
        });
        report.updated++;
    }

    private static RequestDTO copyOf(RequestDTO d) {
        RequestDTO c = new RequestDTO();
        c.customFields = new LinkedHashMap<>(d.customFields);
        return c;
    }

    private static RequestDTO withWritable(RequestDTO target, RequestDTO row, Checked checked) {
        RequestEntity scratch = new RequestEntity();
        scratch.id = 0L;
        apply(row, checked, scratch);
        scratch.statusCategory = StatusCategory.NEW.name();
        return RequestMapper.toDto(scratch);
    }


    // ---- checks and routing

    /** What a checked request resolved: its ids, its custom values, its party's classifications. */
    private record Checked(long partyId, Long contactId, Long parentId, Long ownerId, Long queueId, Map<String, Object> customValues,
            String classifications) {
    }

    private Checked check(RequestDTO d, RequestDTO previous) {
        d.type = d.type == null ? "INCIDENT" : d.type;
        d.priority = d.priority == null ? "MEDIUM" : d.priority;
        d.status = d.status == null ? (previous == null ? "NEW" : previous.status) : d.status;
        FieldErrors errors = new FieldErrors();
        errors.required("summary", d.summary).maxLength("summary", d.summary, 300).maxLength("description", d.description, 4000)
                .maxLength("number", d.number, 40).maxLength("externalId", d.externalId, 80)
                .maxLength("customerReference", d.customerReference, 80).maxLength("origin", d.origin, 40)
                .maxLength("reason", d.reason, 80).maxLength("product", d.product, 200).maxLength("productLink", d.productLink, 200)
                .maxLength("resolution", d.resolution, 2000).required("partyId", d.partyId);
        if (!PRIORITIES.contains(d.priority)) {
            errors.invalid("priority", "one of " + new java.util.TreeSet<>(PRIORITIES));
        }
        if (d.severity != null && !SEVERITIES.contains(d.severity)) {
            errors.invalid("severity", "one of " + new java.util.TreeSet<>(SEVERITIES));
        }
        if (d.productLink != null && d.productLink.split(":").length != 3) {
            errors.invalid("productLink", "a record of another module, module:entity:id");
        }
        Long party = Ids.reference("partyId", d.partyId, errors);
        Long contact = Ids.reference("contactId", d.contactId, errors);
        Long parent = Ids.reference("parentId", d.parentId, errors);
        Long owner = Ids.reference("ownerId", d.ownerId, errors);
        Long queue = Ids.reference("queueId", d.queueId, errors);
        String classifications = null;
        if (party != null) {
            Optional<PartyDTO> found = parties.find(d.partyId); // empty too when out of the caller's scope
            if (found.isEmpty()) {
                errors.invalid("partyId", "no such party");
            } else {
                classifications = String.join(",", found.get().classifications);
            }
        }
        if (contact != null && parties.find(d.contactId).isEmpty()) {
            errors.invalid("contactId", "no such party");
        }
        if (owner != null && org.findAgent(d.ownerId).isEmpty()) {
            errors.invalid("ownerId", "no such agent");
        }
        tx.required(em -> {
            if (setup.status(em, d.status).isEmpty()) {
                errors.invalid("status", "no such status");
            }
            if (RequestNumbers.type(em, d.type) == null) {
                errors.invalid("type", "no such request type");
            }
            if (queue != null && em.find(QueueEntity.class, queue) == null) {
                errors.invalid("queueId", "no such queue");
            }
            if (parent != null && (em.find(RequestEntity.class, parent) == null || (previous != null && d.parentId.equals(previous.id)))) {
                errors.invalid("parentId", "no such request");
            }
            return null;
        });
        Map<String, Object> custom = Map.of();
        try {
            custom = customFields.normalize(ENTITY_TYPE, d.customFields == null ? Map.of() : d.customFields, false);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        errors.throwIfAny();
        validation.validate(ENTITY_TYPE, d, previous);
        return new Checked(party, contact, parent, owner, queue, custom, classifications);
    }

    private static void apply(RequestDTO d, Checked c, RequestEntity e) {
        e.number = d.number != null ? d.number : e.number;
        e.externalId = d.externalId;
        e.typeCode = d.type;
        e.summary = d.summary;
        e.description = d.description;
        e.partyId = c.partyId;
        e.contactId = c.contactId;
        e.customerReference = d.customerReference;
        e.origin = d.origin;
        e.reason = d.reason;
        e.product = d.product;
        e.productLink = d.productLink;
        e.priority = d.priority;
        e.severity = d.severity;
        e.status = d.status;
        e.parentId = c.parentId;
        e.ownerId = c.ownerId;
        e.queueId = c.queueId;
        e.resolution = d.resolution;
        e.templateCode = d.templateCode != null ? d.templateCode : e.templateCode;
        e.customValues.clear();
        e.customValues.putAll(CustomValuesJson.encode(c.customValues));
    }

    /** The first matching assignment rule routes the request to an agent, or into a queue and to a member of it. */
    private void route(EntityManager em, RequestEntity e, Map<String, String> facts) {
        Optional<AssignmentRuleDTO> rule = AssignmentRules.firstMatch(setup.assignmentRules(em), facts);
        if (rule.isEmpty()) {
            return;
        }
        if (rule.get().agentId != null) {
            e.ownerId = Ids.parse(rule.get().agentId).orElse(null);
            return;
        }
        Optional<QueueEntity> queue = ServiceSetupImpl.queueByCode(em, rule.get().queueCode);
        if (queue.isEmpty()) {
            return;
        }
        e.queueId = queue.get().id;
        e.ownerId = distribute(em, queue.get());
    }

    /** The member of the queue who gets the next request; the queue's turn is moved with a plain UPDATE (no version race). */
    Long distribute(EntityManager em, QueueEntity queue) {
        List<Long> members = queue.members;
        Long chosen = switch (QueueDTO.Distribution.valueOf(queue.distribution)) {
            case ROUND_ROBIN -> AssignmentRules.nextInTurn(members, queue.lastAgentId);
            case LEAST_OPEN -> AssignmentRules.leastBusy(members, openCounts(em, members));
            case NONE -> null;
        };
        if (chosen != null) {
            // native: EclipseLink ran the same JPQL bulk UPDATE as a statement Derby compiled each time
            em.createNativeQuery("UPDATE service_queue SET last_agent_id = ? WHERE id = ?").setParameter(1, chosen)
                    .setParameter(2, queue.id).executeUpdate();
        }
        return chosen;
    }

    private static Map<Long, Long> openCounts(EntityManager em, List<Long> members) {
        Map<Long, Long> counts = new HashMap<>();
        if (members.isEmpty()) {
            return counts;
        }
        em.createQuery("SELECT e.ownerId, COUNT(e) FROM RequestEntity e WHERE e.ownerId IN :members"
                + " AND e.statusCategory NOT IN ('RESOLVED', 'CLOSED') GROUP BY e.ownerId", Object[].class)
                .setParameter("members", members).getResultList()
                .forEach(row -> counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return counts;
    }

    private static SlaSubject subject(RequestDTO dto, String classifications) {
        SlaSubject subject = new SlaSubject();
        subject.entityType = ENTITY_TYPE;
        subject.id = dto.id;
        subject.partyId = dto.partyId;
        subject.link = RequestService.link(dto.id);
        subject.facts.putAll(RequestMapper.facts(dto, classifications));
        return subject;
    }

    private void history(EntityManager em, long requestId, Instant at, String field, String oldValue, String newValue) {
        HistoryEntity h = new HistoryEntity();
        h.requestId = requestId;
        h.at = at;
        h.actor = callers.currentLogin();
        h.field = field;
        h.oldValue = clip(oldValue);
        h.newValue = clip(newValue);
        em.persist(h);
    }

    private static String clip(String value) {
        return value == null || value.length() <= 4000 ? value : value.substring(0, 4000);
    }

    private Optional<AgentDTO> callerAgent() {
        return org.findAgentByLogin(callers.currentLogin());
    }

    /** The request, when it exists and its party is in the caller's scope: one query either way. */
    static RequestEntity find(EntityManager em, long key, String id, ScopeFilter visible) {
        List<RequestEntity> found = JpqlQuery.of("SELECT e FROM RequestEntity e")
                .where(visible.condition("e.partyId"))
                .where("e.id = :id", "id", key)
                .create(em, null, RequestEntity.class).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException(ENTITY_TYPE, id);
        }
        return found.get(0);
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(FieldError.invalid(field, message)));
    }
}
