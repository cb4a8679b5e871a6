package org.tessera.crm.core.impl.activity;

import java.io.IOException;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.RecordExport;
import org.tessera.crm.core.api.StaleVersionException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityQuery;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.customfield.CustomValueStore;
import org.tessera.crm.core.impl.entity.ActivityEntity;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.security.ScopedUnits;
import org.tessera.crm.core.kit.ChangedFields;
import org.tessera.crm.core.impl.support.ExternalIds;
import org.tessera.crm.core.impl.support.JpaLookups;
import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.KeysetExport;
import org.tessera.crm.core.kit.jpa.OptimisticLocks;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Activities: validated writes in one transaction each, audited in it, events after commit. An
 * activity is in the caller's scope when one of its participants is; a restricted caller may only
 * name participants of their scope.
 */
@Component
public class ActivityServiceImpl implements ActivityService {
    private static final Set<String> SERVER_OWNED = Set.of("id", "version", "createdAt", "updatedAt");

    private final Tx tx;
    private final ValidationService validation;
    private final DomainEventPublisher events;
    private final RecordScope scope;
    private final AuditTrail audit;

    @Activate
    public ActivityServiceImpl(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, @Reference(name = "validation") ValidationService validation,
            @Reference(name = "events") DomainEventPublisher events, @Reference(name = "scope") RecordScope scope,
            @Reference(name = "audit") AuditTrail audit) {
        this.tx = tx;
        this.validation = validation;
        this.events = events;
        this.scope = scope;
        this.audit = audit;
    }

    @Override
    public ActivityDTO create(ActivityDTO draft) {
        ActivityDTO created = tx.required(em -> {
            ActivityDTO candidate = candidates(em).create(draft).orThrow();
            ExternalIds.checkFree(em, "ActivityEntity", "activity", candidate.externalIds, null);
            validation.validate(EntityTypes.ACTIVITY, candidate, null);
            ActivityEntity entity = new ActivityEntity();
            entity.createdAt = Times.now();
            entity.updatedAt = entity.createdAt;
            ActivityMapper.apply(candidate, entity);
            em.persist(entity);
            new CustomValueStore(em).replace(EntityTypes.ACTIVITY, entity.id, candidate.customFields);
            em.flush();
            ActivityDTO stored = toDto(em, entity);
            audit.record(em, EntityTypes.ACTIVITY, stored.id, AuditAction.CREATE, null, stored, Set.of());
            events.record(em.unwrap(Connection.class), CoreEvents.ACTIVITY_CREATED,
                    EventProperties.of(EntityTypes.ACTIVITY, stored.id, stored.version, null));
            return stored;
        });
        return created;
    }

    @Override
    public Optional<ActivityDTO> find(String id) {
        Optional<Set<Long>> visible = ScopedUnits.of(scope);
        return Ids.parse(id).flatMap(value -> tx.required(em ->
                Optional.ofNullable(em.find(ActivityEntity.class, value)).filter(e -> inScope(em, e, visible)).map(e -> toDto(em, e))));
    }

    @Override
    public ActivityDTO get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException(EntityTypes.ACTIVITY, id));
    }

    @Override
    public ActivityDTO update(String id, Long expectedVersion, ActivityDTO desired) {
        ActivityDTO[] beforeAndAfter = staleChecked(id, expectedVersion, em -> {
            ActivityEntity entity = load(em, id, expectedVersion);
            ActivityDTO previous = toDto(em, entity);
            ActivityDTO candidate = candidates(em).update(desired, previous).orThrow();
            ExternalIds.checkFree(em, "ActivityEntity", "activity", candidate.externalIds, entity.id);
            validation.validate(EntityTypes.ACTIVITY, candidate, previous);
            ActivityMapper.apply(candidate, entity);
            entity.updatedAt = Times.now();
            new CustomValueStore(em).replace(EntityTypes.ACTIVITY, entity.id, candidate.customFields);
            em.flush();
            ActivityDTO stored = toDto(em, entity);
            audit.record(em, EntityTypes.ACTIVITY, stored.id, AuditAction.UPDATE, previous, stored, Set.of());
            events.record(em.unwrap(Connection.class), CoreEvents.ACTIVITY_UPDATED, EventProperties.of(EntityTypes.ACTIVITY,
                    stored.id, stored.version, ChangedFields.between(previous, stored, SERVER_OWNED)));
            return new ActivityDTO[] {previous, stored};
        });
        return beforeAndAfter[1];
    }

    @Override
    public void delete(String id, Long expectedVersion) {
        staleChecked(id, expectedVersion, em -> {
            ActivityEntity entity = load(em, id, expectedVersion);
            ActivityDTO previous = toDto(em, entity);
            new CustomValueStore(em).deleteAll(EntityTypes.ACTIVITY, entity.id);
            em.remove(entity);
            audit.record(em, EntityTypes.ACTIVITY, previous.id, AuditAction.DELETE, previous, null, Set.of());
            em.flush();
            events.record(em.unwrap(Connection.class), CoreEvents.ACTIVITY_DELETED,
                    EventProperties.of(EntityTypes.ACTIVITY, previous.id, null, null));
            return null;
        });
    }

    @Override
    public Page<ActivityDTO> search(ActivityQuery query) {
        Optional<Set<Long>> visible = ScopedUnits.of(scope);
        return tx.required(em -> new ActivitySearch(em, visible).page(query));
    }

    @Override
    public RecordExport<ActivityDTO> export(ActivityQuery query) {
        Optional<Set<Long>> visible = ScopedUnits.of(scope);
        List<String> customKeys = tx.required(em -> {
            new ActivitySearch(em, visible).idsAfter(query, null, 1); // a criterion the database refuses fails here, before any byte
            return new CustomValueStore(em).definitions(EntityTypes.ACTIVITY).keySet().stream().sorted().toList();
        });
        return new RecordExport<>() {
            @Override
            public List<String> customFieldKeys() {
                return customKeys;
            }

            @Override
            public long forEach(Sink<? super ActivityDTO> sink) throws IOException {
                return KeysetExport.run(tx, (em, after, size) -> new ActivitySearch(em, visible).idsAfter(query, after, size),
                        (em, ids) -> new ActivitySearch(em, visible).dtos(ids), sink);
            }
        };
    }

    private ActivityCandidates candidates(EntityManager em) {
        return new ActivityCandidates(new JpaLookups(em), new CustomValueStore(em).definitions(EntityTypes.ACTIVITY),
                ActivityCandidates.Participants.of(scope));
    }

    private static ActivityDTO toDto(EntityManager em, ActivityEntity entity) {
        return ActivityMapper.toDtos(em, java.util.List.of(entity)).get(0);
    }

    /** Whether one of the activity's participants is in the caller's scope. */
    private static boolean inScope(EntityManager em, ActivityEntity entity, Optional<Set<Long>> visible) {
        if (visible.isEmpty()) {
            return true;
        }
        if (entity.participants.isEmpty() || visible.get().isEmpty()) {
            return false;
        }
        return em.createQuery("SELECT COUNT(p) FROM PartyEntity p WHERE p.id IN :ids AND p.orgUnitId IN :units", Long.class)
                .setParameter("ids", entity.participants).setParameter("units", visible.get()).getSingleResult() > 0;
    }

    private ActivityEntity load(EntityManager em, String id, Long expectedVersion) {
        Optional<Set<Long>> visible = ScopedUnits.of(scope);
        ActivityEntity entity = Ids.parse(id).map(value -> em.find(ActivityEntity.class, value))
                .filter(found -> inScope(em, found, visible))
                .orElseThrow(() -> new NotFoundException(EntityTypes.ACTIVITY, id));
        if (expectedVersion != null && expectedVersion != entity.version) {
            throw new StaleVersionException(EntityTypes.ACTIVITY, id, expectedVersion, entity.version);
        }
        return entity;
    }

    private <R> R staleChecked(String id, Long expectedVersion, Function<EntityManager, R> work) {
        try {
            return tx.required(work);
        } catch (RuntimeException e) {
            if (!OptimisticLocks.isCause(e)) {
                throw e;
            }
            long actual = find(id).map(a -> a.version).orElse(-1L);
            throw new StaleVersionException(EntityTypes.ACTIVITY, id,
                    expectedVersion == null ? -1 : expectedVersion, actual);
        }
    }
}
