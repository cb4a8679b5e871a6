package org.tessera.crm.core.impl.activity;

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
import org.tessera.crm.core.api.StaleVersionException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityQuery;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.impl.customfield.CustomValueStore;
import org.tessera.crm.core.impl.entity.ActivityEntity;
import org.tessera.crm.core.impl.event.DomainEvents;
import org.tessera.crm.core.impl.event.EventProperties;
import org.tessera.crm.core.impl.jpa.Tx;
import org.tessera.crm.core.impl.support.ChangedFields;
import org.tessera.crm.core.impl.support.FieldErrors;
import org.tessera.crm.core.impl.support.Ids;
import org.tessera.crm.core.impl.support.JpaLookups;
import org.tessera.crm.core.impl.support.OptimisticLocks;
import org.tessera.crm.core.impl.support.Times;

/** Activities: validated writes in one transaction each, events after commit. */
@Component
public class ActivityServiceImpl implements ActivityService {
    private static final Set<String> SERVER_OWNED = Set.of("id", "version", "createdAt", "updatedAt");

    private final Tx tx;
    private final ValidationService validation;
    private final DomainEvents events;

    @Activate
    public ActivityServiceImpl(@Reference(name = "tx") Tx tx, @Reference(name = "validation") ValidationService validation,
            @Reference(name = "events") DomainEvents events) {
        this.tx = tx;
        this.validation = validation;
        this.events = events;
    }

    @Override
    public ActivityDTO create(ActivityDTO draft) {
        ActivityDTO created = tx.required(em -> {
            ActivityDTO candidate = checked(em, ActivityMapper.writableCopy(draft), null);
            ActivityEntity entity = new ActivityEntity();
            entity.createdAt = Times.now();
            entity.updatedAt = entity.createdAt;
            ActivityMapper.apply(candidate, entity);
            em.persist(entity);
            new CustomValueStore(em).replace(EntityTypes.ACTIVITY, entity.id, candidate.customFields);
            em.flush();
            return toDto(em, entity);
        });
        events.post(CoreEvents.ACTIVITY_CREATED,
                EventProperties.of(EntityTypes.ACTIVITY, created.id, created.version, null));
        return created;
    }

    @Override
    public Optional<ActivityDTO> find(String id) {
        return Ids.parse(id).flatMap(value -> tx.required(em ->
                Optional.ofNullable(em.find(ActivityEntity.class, value)).map(e -> toDto(em, e))));
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
            ActivityDTO candidate = ActivityMapper.writableCopy(desired);
            candidate.id = previous.id;
            candidate = checked(em, candidate, previous);
            ActivityMapper.apply(candidate, entity);
            entity.updatedAt = Times.now();
            new CustomValueStore(em).replace(EntityTypes.ACTIVITY, entity.id, candidate.customFields);
            em.flush();
            return new ActivityDTO[] {previous, toDto(em, entity)};
        });
        ActivityDTO updated = beforeAndAfter[1];
        events.post(CoreEvents.ACTIVITY_UPDATED, EventProperties.of(EntityTypes.ACTIVITY, updated.id, updated.version,
                ChangedFields.between(beforeAndAfter[0], updated, SERVER_OWNED)));
        return updated;
    }

    @Override
    public void delete(String id, Long expectedVersion) {
        staleChecked(id, expectedVersion, em -> {
            ActivityEntity entity = load(em, id, expectedVersion);
            new CustomValueStore(em).deleteAll(EntityTypes.ACTIVITY, entity.id);
            em.remove(entity);
            em.flush();
            return null;
        });
        events.post(CoreEvents.ACTIVITY_DELETED, EventProperties.of(EntityTypes.ACTIVITY, id, null, null));
    }

    @Override
    public Page<ActivityDTO> search(ActivityQuery query) {
        return tx.required(em -> new ActivitySearch(em).page(query));
    }

    /** Core checks, custom fields, then the registered validators; returns the normalized candidate. */
    private ActivityDTO checked(EntityManager em, ActivityDTO candidate, ActivityDTO previous) {
        FieldErrors errors = new ActivityRules(new JpaLookups(em)).check(candidate);
        candidate.customFields = new CustomValueStore(em)
                .normalize(EntityTypes.ACTIVITY, candidate.customFields, false, errors);
        errors.throwIfAny();
        validation.validate(EntityTypes.ACTIVITY, candidate, previous);
        return candidate;
    }

    private static ActivityDTO toDto(EntityManager em, ActivityEntity entity) {
        return ActivityMapper.toDtos(em, java.util.List.of(entity)).get(0);
    }

    private static ActivityEntity load(EntityManager em, String id, Long expectedVersion) {
        ActivityEntity entity = Ids.parse(id).map(value -> em.find(ActivityEntity.class, value))
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
