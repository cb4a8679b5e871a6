package org.tessera.crm.banking.impl;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.banking.api.BankingEntityTypes;
import org.tessera.crm.banking.api.BankingTopics;
import org.tessera.crm.banking.api.ImportedLifeEventDTO;
import org.tessera.crm.banking.api.LifeEventDTO;
import org.tessera.crm.banking.api.LifeEventService;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.RowImports;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.ModuleEvents;
import org.tessera.crm.core.kit.jpa.Tx;

/** Life events of persons, with their type checked against the pack's picklist. */
@Component(service = LifeEventService.class)
public class LifeEventServiceImpl implements LifeEventService {
    private final Tx tx;
    private final PartyService parties;
    private final RecordScope scope;
    private final CustomFieldService customFields;
    private final CallerContext callers;
    private final ModuleEvents events;
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
        this.events = new ModuleEvents(events);
        this.audit = new ModuleAudit(auditRecorder);
    }

    @Override
    public LifeEventDTO record(String partyId, LifeEventDTO event) {
        long key = visiblePerson(partyId);
        String type = checked(event);
        return create(key, type, event, "AGENT");
    }

    @Override
    public ImportReport importLifeEvents(Iterator<ImportRow<ImportedLifeEventDTO>> rows) {
        return RowImports.run(rows, (row, report) -> {
            try {
                importOne(row, report);
            } catch (NotFoundException e) {
                // the one record a row refers to is its person
                throw new ValidationException(new FieldError("partyId", "not_found", e.getMessage()));
            }
        });
    }

    /** One row: its person found by id or external id, then matched by type and day, or created. */
    private void importOne(ImportedLifeEventDTO row, ImportReport report) {
        String partyId = row.partyId;
        if (partyId == null && row.partyExternalId != null) {
            partyId = PartyExternalIds.resolve(tx, scope, row.partyExternalId).orElse(null);
            if (partyId == null) {
                new FieldErrors().invalid("partyExternalId", "no party with this external id").throwIfAny();
            }
        }
        if (partyId == null) {
            new FieldErrors().required("partyId", null).throwIfAny();
        }
        long key = visiblePerson(partyId);
        String type = checked(row);
        Optional<LifeEventDTO> updated = tx.required(em -> {
            List<LifeEventEntity> same = em.createQuery("SELECT e FROM LifeEventEntity e WHERE e.partyId = :p AND e.type = :t"
                    + " AND e.occurredOn = :d ORDER BY e.id", LifeEventEntity.class).setParameter("p", key).setParameter("t", type)
                    .setParameter("d", row.occurredOn).setMaxResults(1).getResultList();
            if (same.isEmpty()) {
                return null;
            }
            LifeEventEntity entity = same.get(0);
            if (Objects.equals(entity.expiresOn, row.expiresOn) && Objects.equals(entity.notes, row.notes)) {
                return Optional.<LifeEventDTO>empty();
            }
            LifeEventDTO before = toDto(entity);
            entity.expiresOn = row.expiresOn;
            entity.notes = row.notes;
            em.flush();
            LifeEventDTO after = toDto(entity);
            audit.updated(em, BankingEntityTypes.LIFE_EVENT, after.id, before, after);
            events.record(em, BankingTopics.LIFE_EVENT_UPDATED, EventProperties.updated(BankingEntityTypes.LIFE_EVENT, after.id, after.version,
                    before, after));
            return Optional.of(after);
        });
        if (updated == null) {
            create(key, type, row, "IMPORT");
            report.created++;
        } else if (updated.isPresent()) {
            report.updated++;
        } else {
            report.unchanged++;
        }
    }

    /** The event's rules, whoever records it; returns its type normalized. */
    private String checked(LifeEventDTO event) {
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
        return type;
    }

    private LifeEventDTO create(long key, String type, LifeEventDTO event, String source) {
        LifeEventDTO created = tx.required(em -> {
            LifeEventEntity entity = new LifeEventEntity();
            entity.partyId = key;
            entity.type = type;
            entity.occurredOn = event.occurredOn;
            entity.expiresOn = event.expiresOn;
            entity.notes = event.notes;
            entity.source = source;
            entity.recordedBy = callers.currentLogin();
            entity.createdAt = clock.instant();
            em.persist(entity);
            em.flush();
            LifeEventDTO dto = toDto(entity);
            audit.created(em, BankingEntityTypes.LIFE_EVENT, dto.id, dto);
            events.record(em, BankingTopics.LIFE_EVENT_CREATED, EventProperties.of(BankingEntityTypes.LIFE_EVENT, dto.id, dto.version));
            return dto;
        });
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
