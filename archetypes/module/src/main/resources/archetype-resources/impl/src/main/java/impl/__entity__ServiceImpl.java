package ${package}.impl;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.KeysetCursor;
import org.tessera.crm.core.kit.Pages;
import org.tessera.crm.core.kit.Versions;
import org.tessera.crm.core.kit.jpa.JpqlQuery;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.ModuleEvents;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.Tx;
import ${package}.api.${entity}DTO;
import ${package}.api.${entity}Query;
import ${package}.api.${entity}Service;

/**
 * The ${entityLabel}s, in the module's own table. Record scope is a condition of every query (the
 * party's org unit, through the kit's {@link ScopeFilter}): a ${entityLabel} of a party the caller
 * may not see does not exist for them, and a page holds as many rows as its limit allows. Each
 * write is audited in its own transaction, so that the audit record commits or rolls back with it,
 * and announced once committed.
 */
@Component(service = ${entity}Service.class)
public class ${entity}ServiceImpl implements ${entity}Service {
    private final Tx tx;
    private final RecordScope scope;
    private final ValidationService validation;
    private final ModuleEvents events;
    private final ModuleAudit audit;
    private final Clock clock;

    @Activate
    public ${entity}ServiceImpl(@Reference(name = "tx", target = ${Module}Unit.TX) Tx tx, @Reference RecordScope scope,
            @Reference ValidationService validation, @Reference DomainEventPublisher events, @Reference AuditRecorder auditRecorder) {
        this(tx, scope, validation, events, auditRecorder, Clock.systemUTC());
    }

    ${entity}ServiceImpl(Tx tx, RecordScope scope, ValidationService validation, DomainEventPublisher events,
            AuditRecorder auditRecorder, Clock clock) {
        this.tx = tx;
        this.scope = scope;
        this.validation = validation;
        this.events = new ModuleEvents(events);
        this.audit = new ModuleAudit(auditRecorder);
        this.clock = clock;
    }

    @Override
    public ${entity}DTO create(${entity}DTO draft) {
        long partyId = checkWritable(draft, null);
        ${entity}DTO created = tx.required(em -> {
            ${entity}Entity entity = new ${entity}Entity();
            ${entity}Mapper.copyWritable(draft, partyId, entity);
            entity.createdAt = now();
            entity.updatedAt = entity.createdAt;
            em.persist(entity);
            em.flush(); // assigns the version
            ${entity}DTO stored = ${entity}Mapper.toDto(entity);
            audit.created(em, ENTITY_TYPE, stored.id, stored);
            // in the change's own transaction: published if and only if the change commits
            events.record(em, TOPIC_CREATED, EventProperties.of(ENTITY_TYPE, stored.id, stored.version));
            return stored;
        });
        return created;
    }

    @Override
    public ${entity}DTO get(String id) {
        long key = Ids.of(ENTITY_TYPE, id);
        ScopeFilter visible = ScopeFilter.of(scope);
        return tx.required(em -> ${entity}Mapper.toDto(find(em, key, id, visible)));
    }

    @Override
    public ${entity}DTO update(String id, Long expectedVersion, ${entity}DTO desired) {
        ${entity}DTO previous = get(id);
        long partyId = checkWritable(desired, previous);
        long key = Ids.of(ENTITY_TYPE, id);
        ScopeFilter visible = ScopeFilter.of(scope);
        Written written = tx.required(em -> {
            ${entity}Entity entity = find(em, key, id, visible);
            Versions.check(ENTITY_TYPE, id, expectedVersion, entity.version);
            ${entity}DTO before = ${entity}Mapper.toDto(entity);
            ${entity}Mapper.copyWritable(desired, partyId, entity);
            List<String> changed = ${entity}Mapper.changedFields(before, ${entity}Mapper.toDto(entity));
            if (changed.isEmpty()) {
                return new Written(before, changed); // nothing to write, audit or announce
            }
            entity.updatedAt = now();
            em.flush(); // bumps the version; a concurrent writer's race ends here as a 409
            ${entity}DTO after = ${entity}Mapper.toDto(entity);
            audit.updated(em, ENTITY_TYPE, id, before, after);
            events.record(em, TOPIC_UPDATED, EventProperties.of(ENTITY_TYPE, id, after.version, changed.toArray(String[]::new)));
            return new Written(after, changed);
        });
        return written.stored();
    }

    @Override
    public void delete(String id, Long expectedVersion) {
        long key = Ids.of(ENTITY_TYPE, id);
        ScopeFilter visible = ScopeFilter.of(scope);
        tx.required(em -> {
            ${entity}Entity entity = find(em, key, id, visible);
            Versions.check(ENTITY_TYPE, id, expectedVersion, entity.version);
            audit.deleted(em, ENTITY_TYPE, id, ${entity}Mapper.toDto(entity));
            em.remove(entity);
            events.record(em, TOPIC_DELETED, EventProperties.of(ENTITY_TYPE, id, null));
            return null;
        });
    }

    @Override
    public Page<${entity}DTO> list(${entity}Query query) {
        KeysetCursor.checkLimit(query.limit);
        FieldErrors errors = new FieldErrors();
        Long party = Ids.reference("partyId", query.partyId, errors);
        errors.throwIfAny();
        Long after = KeysetCursor.afterId(query.cursor);
        ScopeFilter visible = ScopeFilter.of(scope);
        return tx.required(em -> {
            List<${entity}Entity> fetched = JpqlQuery.of("SELECT e FROM ${entity}Entity e")
                    .where(visible.condition("e.partyId"))
                    .where("e.partyId = :party", "party", party)
                    .where("e.id > :after", "after", after)
                    .create(em, "e.id", ${entity}Entity.class).setMaxResults(query.limit + 1).getResultList();
            return Pages.byId(fetched, query.limit, e -> e.id, ${entity}Mapper::toDto);
        });
    }

    /** Normalizes and checks a written ${entityLabel}, then runs the validators other modules contribute; returns its party's id. */
    private long checkWritable(${entity}DTO draft, ${entity}DTO previous) {
        ${entity}Rules.normalize(draft);
        FieldErrors errors = new FieldErrors();
        Long partyId = ${entity}Rules.check(draft, errors);
        if (partyId != null && !scope.canAccessParty(draft.partyId)) {
            errors.invalid("partyId", "no such party");
        }
        errors.throwIfAny();
        validation.validate(ENTITY_TYPE, draft, previous);
        return partyId;
    }

    /** The ${entityLabel}, when it exists and its party is in the caller's scope: one query either way. */
    private static ${entity}Entity find(EntityManager em, long key, String id, ScopeFilter visible) {
        List<${entity}Entity> found = JpqlQuery.of("SELECT e FROM ${entity}Entity e")
                .where(visible.condition("e.partyId"))
                .where("e.id = :id", "id", key)
                .create(em, null, ${entity}Entity.class).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException(ENTITY_TYPE, id);
        }
        return found.get(0);
    }

    /** What an update stored, and the client-written fields it changed. */
    private record Written(${entity}DTO stored, List<String> changed) {
    }

    /** Millisecond precision: what every supported database stores, so a read gives back what a write returned. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
