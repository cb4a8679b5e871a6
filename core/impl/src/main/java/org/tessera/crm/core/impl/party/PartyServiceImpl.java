package org.tessera.crm.core.impl.party;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.RecordExport;
import org.tessera.crm.core.api.StaleVersionException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyQuery;
import org.tessera.crm.core.api.party.PartyRelationshipDTO;
import org.tessera.crm.core.api.party.PartyRoleDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.party.PartyStatus;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.DependentRecordsContributor;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.api.sync.FieldMetaDTO;
import org.tessera.crm.core.api.sync.PartyFieldSync;
import org.tessera.crm.core.api.sync.PartySyncDTO;
import org.tessera.crm.core.api.sync.WriteSource;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.customfield.CustomValueStore;
import org.tessera.crm.core.impl.duplicate.DuplicateSession;
import org.tessera.crm.core.impl.duplicate.PartyDuplicates;
import org.tessera.crm.core.impl.entity.ActivityEntity;
import org.tessera.crm.core.impl.entity.PartyEntity;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.event.DomainEvent;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.security.ScopedUnits;
import org.tessera.crm.core.kit.ChangedFields;
import org.tessera.crm.core.impl.support.DependentRecordsGuard;
import org.tessera.crm.core.impl.support.ExternalIds;
import org.tessera.crm.core.impl.support.JpaLookups;
import org.tessera.crm.core.impl.support.SqlBuilder;
import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.impl.sync.FieldMetaStore;
import org.tessera.crm.core.impl.sync.FieldStamp;
import org.tessera.crm.core.impl.sync.PartyFields;
import org.tessera.crm.core.impl.sync.PartySyncRequests;
import org.tessera.crm.core.impl.sync.SyncPolicy;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.OptimisticLocks;
import org.tessera.crm.core.kit.jpa.SnapshotRead;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Parties. Each write validates (core rules, custom fields, external id uniqueness, then the
 * registered validators) inside its transaction, writes its audit record in that transaction, and
 * posts its event once that has committed. Every operation obeys the caller's {@link RecordScope}:
 * a party outside it is reported as not found. The sensitive fields are neither shown to nor
 * written by a caller without {@link CorePermissions#PARTY_SENSITIVE}. Each write dates the fields it
 * changes ({@link PartyFieldSync}) in its transaction; a write that changes no field writes nothing.
 */
@Component(service = {PartyService.class, PartyFieldSync.class})
public class PartyServiceImpl implements PartyService, PartyFieldSync {
    private static final Set<String> SERVER_OWNED = Set.of("id", "version", "createdAt", "updatedAt");

    private final Tx tx;
    private final ValidationService validation;
    private final DomainEventPublisher events;
    private final PartyLinks links;
    private final CallerContext callers;
    private final RecordScope scope;
    private final AuditTrail audit;
    private final DependentRecordsGuard dependents = new DependentRecordsGuard();
    /** Duplicate detection; unset (no check) only where a test builds the service by hand. */
    private volatile PartyDuplicates duplicates;
    /** The source system of the current write; unset ({@value WriteSource#DEFAULT}) where a test builds the service by hand. */
    private volatile WriteSource writeSource;
    /** The reference applications of the fields; none where a test builds the service by hand. */
    private volatile SyncPolicy syncPolicy;

    @Activate
    public PartyServiceImpl(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, @Reference(name = "validation") ValidationService validation, @Reference(name = "events") DomainEventPublisher events,
            @Reference(name = "callers") CallerContext callers, @Reference(name = "scope") RecordScope scope, @Reference(name = "audit") AuditTrail audit) {
        this.tx = tx;
        this.validation = validation;
        this.events = events;
        this.links = new PartyLinks(tx, audit);
        this.callers = callers;
        this.scope = scope;
        this.audit = audit;
    }

    /** The records of modules that depend on parties: a party they refer to is not deleted. */
    @Reference(name = "dependents", unbind = "removeDependentRecordsContributor", cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void addDependentRecordsContributor(DependentRecordsContributor contributor) {
        dependents.add(contributor);
    }

    public void removeDependentRecordsContributor(DependentRecordsContributor contributor) {
        dependents.remove(contributor);
    }

    /** Checks writes against the duplicate rules and keeps each party's matching keys in its transaction. */
    @Reference(name = "duplicates")
    public void setDuplicates(PartyDuplicates duplicates) {
        this.duplicates = duplicates;
    }

    @Reference(name = "writeSource", unbind = "unsetWriteSource", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void setWriteSource(WriteSource source) {
        this.writeSource = source;
    }

    public void unsetWriteSource(WriteSource source) {
        if (writeSource == source) {
            writeSource = null;
        }
    }

    @Reference(name = "syncPolicy", unbind = "unsetSyncPolicy", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void setSyncPolicy(SyncPolicy policy) {
        this.syncPolicy = policy;
    }

    public void unsetSyncPolicy(SyncPolicy policy) {
        if (syncPolicy == policy) {
            syncPolicy = null;
        }
    }

    @Override
    public PartyDTO create(PartyDTO draft) {
        return create(draft, false);
    }

    @Override
    public PartyDTO create(PartyDTO draft, boolean allowDuplicates) {
        PartyCandidates.Writer writer = writer();
        PartyDTO created = tx.required(em -> {
            PartyCandidates candidates = candidates(em, writer);
            PartyDTO candidate = candidates.create(draft).orThrow();
            ExternalIds.checkFree(em, "PartyEntity", "party", candidate.externalIds, null);
            validation.validate(EntityTypes.PARTY, candidate, null);
            Optional<DuplicateSession> duplicate = checkDuplicates(em, candidate, null, allowDuplicates, writer);
            PartyEntity entity = new PartyEntity();
            PartyMapper.apply(candidate, entity);
            entity.createdAt = Times.now();
            entity.updatedAt = entity.createdAt;
            em.persist(entity);
            new CustomValueStore(em).replace(EntityTypes.PARTY, entity.id, candidate.customFields);
            em.flush();
            PartyDTO stored = new PartyReader(em).toDto(entity);
            markCreated(em, entity.id);
            duplicate.ifPresent(session -> session.keep(List.of(stored)));
            SensitivePartyFields sensitive = candidates.sensitiveFields();
            audit.record(em, EntityTypes.PARTY, stored.id, AuditAction.CREATE, null, stored, sensitive.masked());
            events.record(em.unwrap(Connection.class), CoreEvents.PARTY_CREATED,
                    EventProperties.of(EntityTypes.PARTY, stored.id, stored.version, null));
            return shown(stored, sensitive);
        });
        return created;
    }

    @Override
    public Optional<PartyDTO> find(String id) {
        Optional<Set<Long>> visible = visibleUnits();
        boolean sensitiveShown = mayUseSensitive();
        // A read writes nothing: the party and its children are read without being registered in the
        // persistence context, and the sensitive fields come from the definitions the reader read.
        return Ids.parse(id).flatMap(value -> tx.required(em ->
                Optional.ofNullable(em.find(PartyEntity.class, value, Map.of(CustomValueStore.READ_ONLY, Boolean.TRUE)))
                        .filter(e -> inScope(e, visible))
                        .map(e -> {
                            PartyReader reader = new PartyReader(em, true);
                            PartyDTO party = reader.toDto(e);
                            return sensitiveShown ? party : SensitivePartyFields.of(reader.definitions().values()).strip(party);
                        })));
    }

    @Override
    public PartyDTO get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException(EntityTypes.PARTY, id));
    }

    @Override
    public PartyDTO update(String id, Long expectedVersion, PartyDTO desired) {
        return update(id, expectedVersion, desired, false);
    }

    @Override
    public PartyDTO update(String id, Long expectedVersion, PartyDTO desired, boolean allowDuplicates) {
        PartyCandidates.Writer writer = writer();
        Updated result = staleChecked(id, expectedVersion, em -> {
            PartyEntity entity = writable(load(em, id, expectedVersion, writer.visibleUnits()));
            PartyDTO previous = new PartyReader(em).toDto(entity);
            PartyCandidates candidates = candidates(em, writer);
            if (desired != null && desired.status == PartyStatus.MERGED && previous.status != PartyStatus.MERGED) {
                throw new ValidationException(FieldError.invalid("status", "MERGED is set by a merge (POST /v1/parties/{survivor}/merge)"));
            }
            PartyDTO candidate = candidates.update(desired, previous).orThrow();
            return write(em, entity, previous, candidate, candidates, allowDuplicates, writer, Map.of());
        });
        return result.party();
    }

    /**
     * Writes {@code candidate} over the stored party and dates the fields that changed: those in
     * {@code stamps} with their stamp, the others now by the current source. A candidate that changes
     * no field is not written: no version, no audit record, no event.
     */
    private Updated write(EntityManager em, PartyEntity entity, PartyDTO previous, PartyDTO candidate, PartyCandidates candidates,
            boolean allowDuplicates, PartyCandidates.Writer writer, Map<String, FieldStamp> stamps) {
        SensitivePartyFields sensitive = candidates.sensitiveFields();
        if (PartyFields.changed(previous, candidate).isEmpty() && previous.externalIds.equals(candidate.externalIds)) {
            return new Updated(shown(previous, sensitive), new String[0]);
        }
        ExternalIds.checkFree(em, "PartyEntity", "party", candidate.externalIds, entity.id);
        validation.validate(EntityTypes.PARTY, candidate, previous);
        Optional<DuplicateSession> duplicate = checkDuplicates(em, candidate, previous, allowDuplicates, writer);
        PartyMapper.apply(candidate, entity);
        entity.updatedAt = Times.now();
        new CustomValueStore(em).replace(EntityTypes.PARTY, entity.id, candidate.customFields);
        em.flush();
        PartyDTO stored = new PartyReader(em).toDto(entity);
        duplicate.ifPresent(session -> session.keep(List.of(stored)));
        dateFields(em, entity.id, PartyFields.changed(previous, stored), stamps, new FieldStamp(entity.updatedAt, source()));
        audit.record(em, EntityTypes.PARTY, stored.id, AuditAction.UPDATE, previous, stored, sensitive.masked());
        String[] changed = ChangedFields.between(previous, stored, SERVER_OWNED);
        events.record(em.unwrap(Connection.class), CoreEvents.PARTY_UPDATED,
                EventProperties.of(EntityTypes.PARTY, stored.id, stored.version, changed));
        return new Updated(shown(stored, sensitive), changed);
    }

    /** Dates each of {@code changed}: by its stamp in {@code stamps}, else by {@code otherwise}. */
    private static void dateFields(EntityManager em, long partyId, List<String> changed, Map<String, FieldStamp> stamps, FieldStamp otherwise) {
        Map<String, FieldStamp> dated = new LinkedHashMap<>();
        changed.forEach(field -> dated.put(field, stamps.getOrDefault(field, otherwise)));
        try {
            new FieldMetaStore(em.unwrap(Connection.class)).write(partyId, dated);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot date the fields of party " + partyId, e);
        }
    }

    /** A new party's fields are dated by its creation: no row per field, only the system that created it. */
    private void markCreated(EntityManager em, long partyId) {
        try {
            new FieldMetaStore(em.unwrap(Connection.class)).created(partyId, source());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the source of party " + partyId, e);
        }
    }

    private String source() {
        WriteSource current = writeSource;
        return current == null ? WriteSource.DEFAULT : current.current();
    }

    @Override
    public List<FieldMetaDTO> fieldMeta(String partyId) {
        Optional<Set<Long>> visible = visibleUnits();
        boolean sensitiveShown = mayUseSensitive();
        return tx.required(em -> {
            PartyEntity entity = load(em, partyId, null, visible);
            try {
                Map<String, FieldMetaDTO> meta = new FieldMetaStore(em.unwrap(Connection.class)).dates(new PartyReader(em).toDto(entity));
                Set<String> hidden = sensitiveShown ? Set.of() : PartySyncRequests.sensitiveKeys(SensitivePartyFields.of(em));
                return meta.values().stream().filter(m -> !hidden.contains(m.field)).toList();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the field dates of party " + partyId, e);
            }
        });
    }

    @Override
    public PartyDTO sync(String partyId, PartySyncDTO request) {
        Instant now = Times.now();
        String source = source();
        PartySyncRequests.validate(request, now);
        PartyCandidates.Writer writer = writer();
        SyncPolicy policy = syncPolicy;
        Updated result = staleChecked(partyId, null, em -> {
            PartyEntity entity = writable(load(em, partyId, null, writer.visibleUnits()));
            PartyReader reader = new PartyReader(em);
            PartyDTO previous = reader.toDto(entity);
            PartyCandidates candidates = candidates(em, writer);
            try {
                FieldMetaStore dates = new FieldMetaStore(em.unwrap(Connection.class));
                PartySyncRequests.Merge merge = PartySyncRequests.merge(request, previous, reader.toDto(entity), source,
                        dates.read(entity.id), dates.creation(previous),
                        policy == null ? org.tessera.crm.core.impl.sync.ReferenceApplications.NONE : policy.references(),
                        new CustomValueStore(em).definitions(EntityTypes.PARTY).keySet(),
                        writer.sensitiveAllowed() ? Set.of() : PartySyncRequests.sensitiveKeys(candidates.sensitiveFields()));
                if (merge.taken().isEmpty()) {
                    return new Updated(shown(previous, candidates.sensitiveFields()), new String[0]);
                }
                PartyDTO candidate = candidates.update(merge.party(), previous).orThrow();
                return write(em, entity, previous, candidate, candidates, false, writer, merge.taken());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the field dates of party " + partyId, e);
            }
        });
        return result.party();
    }

    /**
     * Deletes the party and everything that is only about it (its contact mechanisms, roles,
     * relationships and custom values). Activities it took part in are kept (they may involve
     * other parties and are history): the party is removed from their participants, which updates
     * those activities. A party that records of a module depend on is not deleted
     * ({@link DependentRecordsGuard}).
     */
    @Override
    public void delete(String id, Long expectedVersion) {
        get(id);
        dependents.refuseDeleteIfAny(EntityTypes.PARTY, id);
        staleChecked(id, expectedVersion, em -> {
            PartyEntity entity = load(em, id, expectedVersion, visibleUnits());
            PartyDTO previous = new PartyReader(em).toDto(entity);
            List<ActivityEntity> activities = em.createQuery("SELECT a FROM ActivityEntity a JOIN a.participants p"
                    + " WHERE p = :id", ActivityEntity.class).setParameter("id", entity.id).getResultList();
            for (ActivityEntity activity : activities) {
                activity.participants.remove(entity.id);
                activity.updatedAt = Times.now();
            }
            links.deleteAllOf(em, entity.id);
            new CustomValueStore(em).deleteAll(EntityTypes.PARTY, entity.id);
            Optional.ofNullable(duplicates).ifPresent(d -> d.session(em).forget(entity.id));
            // Children and referencing rows go first: nothing orders these statements for us.
            em.flush();
            // recorded while the party row is there, so that the feed scopes its deletion by its org unit
            List<DomainEvent> recorded = new ArrayList<>();
            recorded.add(new DomainEvent(CoreEvents.PARTY_DELETED, EventProperties.of(EntityTypes.PARTY, previous.id, null, null)));
            for (ActivityEntity activity : activities) {
                recorded.add(new DomainEvent(CoreEvents.ACTIVITY_UPDATED, EventProperties.of(EntityTypes.ACTIVITY,
                        Ids.format(activity.id), activity.version, new String[] {"participants"})));
            }
            events.recordAll(em.unwrap(Connection.class), recorded);
            em.remove(entity);
            audit.record(em, EntityTypes.PARTY, previous.id, AuditAction.DELETE, previous, null, SensitivePartyFields.of(em).masked());
            em.flush();
            return null;
        });
    }

    @Override
    public Page<PartyDTO> search(PartyQuery query) {
        Optional<Set<Long>> visible = visibleUnits();
        boolean sensitiveShown = mayUseSensitive();
        return tx.required(em -> {
            SensitivePartyFields sensitive = SensitivePartyFields.of(em);
            if (!sensitiveShown) {
                sensitive.refuseFilters(query.customFields.keySet());
            }
            Page<PartyDTO> page = new PartySearch(em, visible).page(query);
            page.items = page.items.stream().map(party -> shown(party, sensitive)).toList();
            return page;
        });
    }

    @Override
    public RecordExport<PartyDTO> export(PartyQuery query) {
        Optional<Set<Long>> visible = visibleUnits();
        boolean sensitiveShown = mayUseSensitive();
        List<String> customKeys = tx.required(em -> {
            if (!sensitiveShown) {
                SensitivePartyFields.of(em).refuseFilters(query.customFields.keySet());
            }
            new PartySearch(em, visible).criteria(query); // a bad criterion is refused here, before any byte
            return new CustomValueStore(em).definitions(EntityTypes.PARTY).values().stream()
                    .filter(definition -> sensitiveShown || !definition.sensitive).map(definition -> definition.key)
                    .sorted().toList();
        });
        return new RecordExport<>() {
            @Override
            public List<String> customFieldKeys() {
                return customKeys;
            }

            @Override
            public long forEach(Sink<? super PartyDTO> sink) throws IOException {
                // the criteria are built again inside the snapshot: a sparse search term becomes a list of the ids it matches then
                return SnapshotRead.run(tx, (em, connection) -> {
                    Optional<SqlBuilder> criteria = new PartySearch(em, visible).criteria(query);
                    if (criteria.isEmpty()) {
                        return 0L;
                    }
                    return new PartyExportRead(criteria.get(), new CustomValueStore(em).definitionsForReading(EntityTypes.PARTY),
                            sensitiveShown).run(connection, sink);
                });
            }
        };
    }

    @Override
    public PartyRelationshipDTO addRelationship(String fromPartyId, PartyRelationshipDTO relationship) {
        requireInScope(fromPartyId);
        if (relationship != null && relationship.toPartyId != null) {
            requireInScope(relationship.toPartyId);
        }
        PartyRelationshipDTO added = links.addRelationship(fromPartyId, relationship);
        refreshMatchingKeys(fromPartyId);
        return added;
    }

    /** A relationship may be a rule field (employer): the party's matching keys follow it. */
    private void refreshMatchingKeys(String partyId) {
        PartyDuplicates detection = duplicates;
        if (detection == null) {
            return;
        }
        tx.required(em -> {
            Ids.parse(partyId).map(value -> em.find(PartyEntity.class, value))
                    .ifPresent(entity -> detection.session(em).keep(List.of(new PartyReader(em).toDto(entity))));
            return null;
        });
    }

    /**
     * Refuses the write when it newly duplicates a stored party (see {@link DuplicateSession#enforce});
     * answers the session that then keeps the party's keys, empty when detection is not wired.
     */
    private Optional<DuplicateSession> checkDuplicates(EntityManager em, PartyDTO candidate, PartyDTO previous, boolean allowDuplicates,
            PartyCandidates.Writer writer) {
        PartyDuplicates detection = duplicates;
        if (detection == null) {
            return Optional.empty();
        }
        DuplicateSession session = detection.session(em);
        DuplicateSession.enforce(session.findNew(candidate, previous, previous == null ? null : previous.id), allowDuplicates,
                writer.visibleUnits());
        return Optional.of(session);
    }

    @Override
    public List<PartyRelationshipDTO> relationships(String partyId) {
        requireInScope(partyId);
        return links.relationships(partyId);
    }

    @Override
    public PartyRoleDTO addRole(String partyId, PartyRoleDTO role) {
        requireInScope(partyId);
        return links.addRole(partyId, role);
    }

    @Override
    public List<PartyRoleDTO> roles(String partyId) {
        requireInScope(partyId);
        return links.roles(partyId);
    }

    /** @throws NotFoundException when the party does not exist or is outside the caller's scope */
    private void requireInScope(String partyId) {
        if (!scope.canAccessParty(partyId)) {
            throw new NotFoundException(EntityTypes.PARTY, partyId);
        }
    }

    private Optional<Set<Long>> visibleUnits() {
        return ScopedUnits.of(scope);
    }

    private static boolean inScope(PartyEntity entity, Optional<Set<Long>> visible) {
        return visible.isEmpty() || (entity.orgUnitId != null && visible.get().contains(entity.orgUnitId));
    }

    private boolean mayUseSensitive() {
        return callers.permits(CorePermissions.PARTY_SENSITIVE);
    }

    /** An updated party as the caller may see it, and the names of the fields that changed. */
    private record Updated(PartyDTO party, String[] changedFields) {
    }

    /** The party as the caller may see it: sensitive fields removed without the permission. */
    private PartyDTO shown(PartyDTO party, SensitivePartyFields sensitive) {
        return mayUseSensitive() ? party : sensitive.strip(party);
    }

    private PartyCandidates.Writer writer() {
        return PartyCandidates.Writer.of(callers, scope);
    }

    private static PartyCandidates candidates(EntityManager em, PartyCandidates.Writer writer) {
        return new PartyCandidates(new JpaLookups(em), LocalDate.now(),
                new CustomValueStore(em).definitions(EntityTypes.PARTY), writer);
    }

    /** The party, after checking the caller's scope and version explicitly. */
    private PartyEntity load(EntityManager em, String id, Long expectedVersion, Optional<Set<Long>> visible) {
        PartyEntity entity = Ids.parse(id).map(value -> em.find(PartyEntity.class, value))
                .filter(found -> inScope(found, visible))
                .orElseThrow(() -> new NotFoundException(EntityTypes.PARTY, id));
        if (expectedVersion != null && expectedVersion != entity.version) {
            throw new StaleVersionException(EntityTypes.PARTY, id, expectedVersion, entity.version);
        }
        return entity;
    }

    /**
     * A party merged into another is kept as the merge left it, so that an undo restores exactly
     * what was moved: changes go to the survivor.
     */
    private static PartyEntity writable(PartyEntity entity) {
        if (PartyStatus.MERGED.name().equals(entity.status)) {
            throw new ConflictException("status", "party " + entity.id + " was merged into another party: change the survivor"
                    + " (GET /v1/parties/" + entity.id + " redirects to it), or undo the merge first");
        }
        return entity;
    }

    /** Runs a write, turning a concurrent change detected by JPA into a StaleVersionException. */
    private <R> R staleChecked(String id, Long expectedVersion, Function<EntityManager, R> work) {
        try {
            return tx.required(work);
        } catch (RuntimeException e) {
            if (!OptimisticLocks.isCause(e)) {
                throw e;
            }
            long actual = find(id).map(p -> p.version).orElse(-1L);
            throw new StaleVersionException(EntityTypes.PARTY, id, expectedVersion == null ? -1 : expectedVersion, actual);
        }
    }
}
