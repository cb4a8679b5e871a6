package org.tessera.crm.marketing.impl.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.PartyFactContributor;
import org.tessera.crm.core.api.spi.PartyFactDTO;
import org.tessera.crm.core.api.spi.SqlCondition;
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
import org.tessera.crm.marketing.api.MarketingConstants;
import org.tessera.crm.marketing.api.SegmentDTO;
import org.tessera.crm.marketing.impl.entity.SegmentEntity;
import org.tessera.crm.marketing.impl.segment.CriteriaCompiler;
import org.tessera.crm.marketing.impl.segment.NativeSql;
import org.tessera.crm.marketing.impl.segment.PartyFacts;

/**
 * Segments: saved criteria (or a static list) over parties, evaluated by the database. A count, a
 * page and a materialization are each one SQL statement over the core's party table with the
 * compiled criteria and the caller's perimeter in its WHERE clause.
 */
@Component(service = Segments.class)
public class Segments {
    static final String SEGMENT = MarketingConstants.SEGMENT;
    public static final String DYNAMIC = "DYNAMIC";
    public static final String STATIC = "STATIC";
    static final int MAX_LIST = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Tx tx;
    private final RecordScope scope;
    private final CustomFieldService customFields;
    private final CallerContext callers;
    private final ModuleEvents events;
    private final ModuleAudit audit;
    private final Clock clock;
    private final List<PartyFactContributor> contributors = new CopyOnWriteArrayList<>();

    @Activate
    public Segments(@Reference(target = MarketingUnit.TX) Tx tx, @Reference RecordScope scope, @Reference CustomFieldService customFields,
            @Reference CallerContext callers, @Reference DomainEventPublisher events, @Reference AuditRecorder auditRecorder) {
        this(tx, scope, customFields, callers, events, auditRecorder, Clock.systemUTC());
    }

    public Segments(Tx tx, RecordScope scope, CustomFieldService customFields, CallerContext callers, DomainEventPublisher events,
            AuditRecorder auditRecorder, Clock clock) {
        this.tx = tx;
        this.scope = scope;
        this.customFields = customFields;
        this.callers = callers;
        this.events = new ModuleEvents(events);
        this.audit = new ModuleAudit(auditRecorder);
        this.clock = clock;
    }

    /** The facts of the modules installed now (sales: open opportunity…); they come and go with their modules. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void addFactContributor(PartyFactContributor contributor) {
        contributors.add(contributor);
    }

    public void removeFactContributor(PartyFactContributor contributor) {
        contributors.remove(contributor);
    }

    public List<PartyFactDTO> facts() {
        return new PartyFacts(contributors).all();
    }

    public SegmentDTO create(SegmentDTO draft) {
        String criteria = check(draft);
        SegmentDTO created = tx.required(em -> {
            SegmentEntity e = new SegmentEntity();
            copy(draft, criteria, e);
            e.createdAt = now();
            e.updatedAt = e.createdAt;
            em.persist(e);
            em.flush();
            SegmentDTO stored = toDto(e);
            audit.created(em, SEGMENT, stored.id, stored);
            events.record(em, MarketingConstants.topic("segment", "CREATED"), EventProperties.of(SEGMENT, stored.id, stored.version));
            return stored;
        });
        return created;
    }

    public SegmentDTO get(String id) {
        long key = Ids.of(SEGMENT, id);
        return tx.required(em -> toDto(find(em, key, id)));
    }

    public SegmentDTO update(String id, Long expectedVersion, SegmentDTO desired) {
        long key = Ids.of(SEGMENT, id);
        SegmentDTO current = get(id);
        if (desired.kind != null && !desired.kind.equals(current.kind)) {
            throw new org.tessera.crm.core.api.ValidationException(org.tessera.crm.core.api.FieldError.invalid("kind", "cannot change"));
        }
        desired.kind = current.kind;
        String criteria = check(desired);
        SegmentDTO updated = tx.required(em -> {
            SegmentEntity e = find(em, key, id);
            Versions.check(SEGMENT, id, expectedVersion, e.version);
            SegmentDTO before = toDto(e);
            copy(desired, criteria, e);
            e.updatedAt = now();
            em.flush();
            SegmentDTO after = toDto(e);
            audit.updated(em, SEGMENT, id, before, after);
            events.record(em, MarketingConstants.topic("segment", "UPDATED"), EventProperties.updated(SEGMENT, id, after.version, before, after,
                    "updatedAt"));
            return after;
        });
        return updated;
    }

    public void delete(String id, Long expectedVersion) {
        long key = Ids.of(SEGMENT, id);
        tx.required(em -> {
            SegmentEntity e = find(em, key, id);
            Versions.check(SEGMENT, id, expectedVersion, e.version);
            audit.deleted(em, SEGMENT, id, toDto(e));
            NativeSql.update(em, "DELETE FROM marketing_list_party WHERE segment_id = ?", List.of(key));
            em.remove(e);
            events.record(em, MarketingConstants.topic("segment", "DELETED"), EventProperties.of(SEGMENT, id, null));
            return null;
        });
    }

    public Page<SegmentDTO> list(int limit, String cursor) {
        KeysetCursor.checkLimit(limit);
        Long after = KeysetCursor.afterId(cursor);
        return tx.required(em -> {
            List<SegmentEntity> fetched = JpqlQuery.of("SELECT e FROM SegmentEntity e").where("e.id > :after", "after", after)
                    .create(em, "e.id", SegmentEntity.class).setMaxResults(limit + 1).getResultList();
            return Pages.byId(fetched, limit, e -> e.id, Segments::toDto);
        });
    }

    /** Replaces the parties of a static segment (ids as given; unknown ones are left out and counted). */
    public long replaceList(String id, List<String> partyIds) {
        long key = Ids.of(SEGMENT, id);
        FieldErrors errors = new FieldErrors();
        List<Long> ids = Members.parseIds("partyIds", partyIds, MAX_LIST, errors);
        errors.throwIfAny();
        long stored = tx.required(em -> {
            SegmentEntity e = find(em, key, id);
            if (!STATIC.equals(e.kind)) {
                throw new org.tessera.crm.core.api.ValidationException(org.tessera.crm.core.api.FieldError.invalid("kind", "only a STATIC segment holds a list"));
            }
            NativeSql.update(em, "DELETE FROM marketing_list_party WHERE segment_id = ?", List.of(key));
            long added = 0;
            for (List<Long> chunk : Members.chunks(ids)) {
                added += NativeSql.update(em, "INSERT INTO marketing_list_party (segment_id, party_id) SELECT ?, p.id FROM party p WHERE p.id IN ("
                        + Members.literals(chunk) + ")", List.of(key));
            }
            e.updatedAt = now();
            audit.updated(em, SEGMENT, id, Map.of("list", "replaced"), Map.of("list", added));
            events.record(em, MarketingConstants.topic("segment", "UPDATED"), EventProperties.of(SEGMENT, id, null, new String[] {"list"}));
            return added;
        });
        return stored;
    }

    /** Parties of the segment the caller may see. */
    public long count(String id) {
        Selection selection = selection(id);
        return tx.required(em -> NativeSql.count(em, "SELECT COUNT(*) FROM party p WHERE " + selection.where(), selection.params()));
    }

    /** Counts parties matching unsaved criteria (a preview while the criteria are edited). */
    public long preview(Map<String, Object> criteria) {
        Selection selection = selection(compile(criteria));
        return tx.required(em -> NativeSql.count(em, "SELECT COUNT(*) FROM party p WHERE " + selection.where(), selection.params()));
    }

    /** A page of the segment's parties by id: id, display name, type. */
    public Page<Map<String, Object>> parties(String id, int limit, String cursor) {
        KeysetCursor.checkLimit(limit);
        Long after = KeysetCursor.afterId(cursor);
        Selection selection = selection(id);
        List<Object> params = new ArrayList<>(selection.params());
        params.add(after == null ? Long.MIN_VALUE : after);
        List<?> rows = tx.required(em -> NativeSql.query(em, "SELECT p.id, p.display_name, p.party_type FROM party p WHERE "
                + selection.where() + " AND p.id > ? ORDER BY p.id", params).setMaxResults(limit + 1).getResultList());
        List<Object[]> fetched = rows.stream().map(r -> (Object[]) r).toList();
        return Pages.byId(fetched, limit, r -> NativeSql.longOf(r[0]), r -> {
            Map<String, Object> party = new LinkedHashMap<>();
            party.put("id", String.valueOf(NativeSql.longOf(r[0])));
            party.put("displayName", r[1]);
            party.put("type", r[2]);
            return party;
        });
    }

    /** The WHERE clause (over {@code party p}) of a saved segment, with the caller's perimeter and live parties only. */
    public Selection selection(String id) {
        SegmentDTO segment = get(id);
        SqlCondition condition = STATIC.equals(segment.kind)
                ? new SqlCondition("EXISTS (SELECT 1 FROM marketing_list_party lp WHERE lp.segment_id = ? AND lp.party_id = p.id)",
                        List.of(Long.parseLong(segment.id)))
                : compile(segment.criteria);
        return selection(condition);
    }

    private Selection selection(SqlCondition condition) {
        String visible = ScopeFilter.of(scope).sqlCondition("p.id");
        return new Selection("p.status <> 'MERGED' AND (" + condition.sql() + ") AND " + visible, condition.parameters());
    }

    /**
     * Criteria → SQL, with the custom fields and facts defined now; 422 naming each faulty path. A
     * sensitive custom field is a criterion only for a caller allowed to see its values: to anyone
     * else it does not exist, or counting by it would reveal them.
     */
    public SqlCondition compile(Map<String, Object> criteria) {
        boolean seesSensitive = callers.permits(CorePermissions.PARTY_SENSITIVE);
        return new CriteriaCompiler(key -> customFields.definition("PARTY", key)
                .filter((CustomFieldDefinitionDTO d) -> !d.sensitive || seesSensitive)
                .map(d -> d.type),
                new PartyFacts(contributors)).compile(criteria);
    }

    private String check(SegmentDTO draft) {
        FieldErrors errors = new FieldErrors();
        draft.name = draft.name == null || draft.name.isBlank() ? null : draft.name.trim();
        errors.required("name", draft.name).maxLength("name", draft.name, 200).maxLength("description", draft.description, 2000);
        if (draft.kind == null) {
            draft.kind = DYNAMIC;
        }
        if (!DYNAMIC.equals(draft.kind) && !STATIC.equals(draft.kind)) {
            errors.invalid("kind", "must be DYNAMIC or STATIC");
        }
        errors.throwIfAny();
        if (STATIC.equals(draft.kind)) {
            if (draft.criteria != null && !draft.criteria.isEmpty()) {
                errors.invalid("criteria", "a STATIC segment has a list, not criteria");
                errors.throwIfAny();
            }
            return null;
        }
        compile(draft.criteria);
        try {
            String json = JSON.writeValueAsString(draft.criteria == null ? Map.of() : draft.criteria);
            errors.maxLength("criteria", json, 16000).throwIfAny();
            return json;
        } catch (JsonProcessingException e) {
            errors.invalid("criteria", "cannot be stored").throwIfAny();
            return null;
        }
    }

    private static void copy(SegmentDTO d, String criteria, SegmentEntity e) {
        e.name = d.name;
        e.description = d.description;
        e.kind = d.kind;
        e.criteria = criteria;
    }

    static SegmentDTO toDto(SegmentEntity e) {
        SegmentDTO d = new SegmentDTO();
        d.id = Ids.format(e.id);
        d.name = e.name;
        d.description = e.description;
        d.kind = e.kind;
        try {
            d.criteria = e.criteria == null ? new LinkedHashMap<>() : JSON.readValue(e.criteria, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("segment " + e.id + " holds criteria that are not JSON", ex);
        }
        d.version = e.version;
        d.createdAt = e.createdAt;
        d.updatedAt = e.updatedAt;
        return d;
    }

    private static SegmentEntity find(EntityManager em, long key, String id) {
        return Optional.ofNullable(em.find(SegmentEntity.class, key)).orElseThrow(() -> new NotFoundException(SEGMENT, id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A WHERE clause over {@code party p} and its bound values. */
    public record Selection(String where, List<Object> params) {
    }
}
