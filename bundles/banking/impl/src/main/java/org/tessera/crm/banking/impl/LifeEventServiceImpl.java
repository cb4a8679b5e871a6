package org.tessera.crm.banking.impl;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.banking.api.BankingEntityTypes;
import org.tessera.crm.banking.api.BankingTopics;
import org.tessera.crm.banking.api.LifeEventDTO;
import org.tessera.crm.banking.api.LifeEventService;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.Tx;

/** Life events of persons, with their type checked against the pack's picklist. */
@Component(service = LifeEventService.class)
public class LifeEventServiceImpl implements LifeEventService {
    private final Tx tx;
    private final PartyService parties;
    private final RecordScope scope;
    private final CustomFieldService customFields;
    private final CallerContext callers;
    private final DomainEventPublisher events;
    private final ModuleAudit audit;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public LifeEventServiceImpl(@Reference(name = "tx", target = "(osgi.unit.name=tessera-banking)") Tx tx, @Reference PartyService parties,
            @Reference RecordScope scope, @Reference CustomFieldService customFields, @Reference CallerContext callers,
            @Reference DomainEventPublisher events, @Reference AuditRecorder auditRecorder) {
        this.tx = tx;
        this.parties = parties;
        this.scope = scope;
        this.customFields = customFields;
        this.callers = callers;
        this.events = events;
        this.audit = new ModuleAudit(auditRecorder);
    }

    @Override
    public LifeEventDTO record(String partyId, LifeEventDTO event) {
        long key = visiblePerson(partyId);
        FieldErrors errors = new FieldErrors();
        String type = event.type == null ? null : event.type.trim().toUpperCase(Locale.ROOT);
        errors.required("type", type);
        if (type != null && !customFields.isActiveValue(BankingEntityTypes.LIFE_EVENT_TYPE_PICKLIST, type)) {
            errors.invalid("type", "not a value of the " + BankingEntityTypes.LIFE_EVENT_TYPE_PICKLIST + " picklist");
        }
        if (event.occurredOn == null) {
            errors.required("occurredOn", null);
        } else if (event.occurredOn.isAfter(LocalDate.now(clock))) {
            errors.invalid("occurredOn", "must not be in the future");
        }
        if (event.occurredOn != null && event.expiresOn != null && !event.expiresOn.isAfter(event.occurredOn)) {
            errors.invalid("expiresOn", "must be after occurredOn");
        }
        errors.maxLength("notes", event.notes, 2000);
        errors.throwIfAny();
        LifeEventDTO created = tx.required(em -> {
            LifeEventEntity entity = new LifeEventEntity();
            entity.partyId = key;
            entity.type = type;
            entity.occurredOn = event.occurredOn;
            entity.expiresOn = event.expiresOn;
            entity.notes = event.notes;
            entity.source = "AGENT";
            entity.recordedBy = callers.currentLogin();
            entity.createdAt = clock.instant();
            em.persist(entity);
            em.flush();
            LifeEventDTO dto = toDto(entity);
            audit.created(em, BankingEntityTypes.LIFE_EVENT, dto.id, dto);
            return dto;
        });
        events.post(BankingTopics.LIFE_EVENT_CREATED, EventProperties.of(BankingEntityTypes.LIFE_EVENT, created.id, created.version));
        return created;
    }

    @Override
    public List<LifeEventDTO> of(String partyId) {
        long key = visiblePerson(partyId);
        return tx.required(em -> em.createQuery("SELECT e FROM LifeEventEntity e WHERE e.partyId = :p ORDER BY e.occurredOn DESC, e.id DESC",
                LifeEventEntity.class).setParameter("p", key).getResultList().stream().map(LifeEventServiceImpl::toDto).toList());
    }

    private long visiblePerson(String partyId) {
        if (Ids.parse(partyId).isEmpty() || !scope.canAccessParty(partyId)) {
            throw new NotFoundException("PARTY", partyId);
        }
        var party = parties.find(partyId).orElseThrow(() -> new NotFoundException("PARTY", partyId));
        if (party.type != PartyType.PERSON) {
            new FieldErrors().invalid("partyId", "life events are a person's").throwIfAny();
        }
        return Long.parseLong(party.id);
    }

    static LifeEventDTO toDto(LifeEventEntity entity) {
        LifeEventDTO dto = new LifeEventDTO();
        dto.id = Ids.format(entity.id);
        dto.partyId = Ids.format(entity.partyId);
        dto.type = entity.type;
        dto.occurredOn = entity.occurredOn;
        dto.expiresOn = entity.expiresOn;
        dto.notes = entity.notes;
        dto.source = entity.source;
        dto.recordedBy = entity.recordedBy;
        dto.createdAt = entity.createdAt;
        dto.version = entity.version;
        return dto;
    }
}
