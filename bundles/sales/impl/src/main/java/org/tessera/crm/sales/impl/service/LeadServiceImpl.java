package org.tessera.crm.sales.impl.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityService;
import org.tessera.crm.core.api.activity.ActivityStatus;
import org.tessera.crm.core.api.activity.ActivityTypes;
import org.tessera.crm.core.api.activity.Direction;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyService;
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
import org.tessera.crm.sales.api.ContactRoleDTO;
import org.tessera.crm.sales.api.LeadConversionDTO;
import org.tessera.crm.sales.api.LeadDTO;
import org.tessera.crm.sales.api.LeadOutcomeDTO;
import org.tessera.crm.sales.api.LeadQuery;
import org.tessera.crm.sales.api.LeadService;
import org.tessera.crm.sales.api.LeadStatus;
import org.tessera.crm.sales.api.NextAction;
import org.tessera.crm.sales.api.OpportunityDTO;
import org.tessera.crm.sales.api.OpportunityService;
import org.tessera.crm.sales.api.SalesEntityTypes;
import org.tessera.crm.sales.api.SalesTopics;
import org.tessera.crm.sales.impl.entity.LeadEntity;
import org.tessera.crm.sales.impl.jpa.SalesUnit;
import org.tessera.crm.sales.impl.rules.LeadTransitions;

/**
 * Leads: prospecting outcomes and next actions become core activities linked to the lead
 * ({@code sales:lead:<id>}); conversion turns the prospect into a customer with the core's
 * party service. Core calls run in the core's own transactions (each unit is RESOURCE_LOCAL, so
 * no transaction spans both), which makes every write here a saga: each step that creates or
 * changes a core record registers its undo ({@link Compensations}), and a later failure undoes
 * them, so no orphan party, activity or opportunity is left. The lead is written last. A
 * conversion first claims the lead in the database ({@code conversion_claim}, one conditional
 * update): a concurrent conversion is refused with 409 instead of creating a second account or
 * deal, a retry after success answers the same result, and a retry after a failure starts afresh.
 */
@Component(service = LeadService.class)
public class LeadServiceImpl implements LeadService {
    private static final Logger LOG = LoggerFactory.getLogger(LeadServiceImpl.class);
    /** How long a conversion's claim holds: past it, the conversion is taken for dead (a crashed node) and another may start. */
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(10);

    private final Tx tx;
    private final AccountAccess access;
    private final LeadParties leadParties;
    private final ActivityService activities;
    private final CustomFieldService customFields;
    private final ValidationService validation;
    private final OpportunityService opportunities;
    private final ModuleEvents events;
    private final ModuleAudit audit;

    @Activate
    public LeadServiceImpl(@Reference(target = SalesUnit.TX) Tx tx, @Reference AccountAccess access, @Reference PartyService parties,
            @Reference ActivityService activities, @Reference CustomFieldService customFields,
            @Reference ValidationService validation, @Reference OpportunityService opportunities,
            @Reference DomainEventPublisher events, @Reference AuditRecorder recorder) {
        this.tx = tx;
        this.access = access;
        this.leadParties = new LeadParties(parties);
        this.activities = activities;
        this.customFields = customFields;
        this.validation = validation;
        this.opportunities = opportunities;
        this.events = new ModuleEvents(events);
        this.audit = new ModuleAudit(recorder);
    }

    @Override
    public LeadDTO create(LeadDTO draft) {
        LeadDTO c = LeadMapper.copyWritable(draft);
        if (c.status == null) {
            c.status = LeadStatus.NEW;
        }
        FieldErrors errors = check(c, null);
        if (c.status == LeadStatus.CONVERTED) {
            errors.invalid("status", "a lead is converted with POST .../convert");
        }
        if (c.partyId == null && c.lastName == null && c.companyName == null) {
            errors.required("lastName", null);
        }
        errors.throwIfAny();
        validation.validate(SalesEntityTypes.LEAD, c, null);
        Compensations undo = new Compensations();
        try {
            return createdWithNextAction(c, undo);
        } catch (RuntimeException e) {
            throw undo.undo(e);
        }
    }

    private LeadDTO createdWithNextAction(LeadDTO c, Compensations undo) {
        String partyId;
        if (c.partyId != null) {
            partyId = c.partyId;
        } else {
            PartyDTO prospect = leadParties.createProspect(c);
            undo.onFailure(() -> leadParties.deleteCreated(prospect));
            partyId = prospect.id;
        }
        LeadDTO created = tx.required(em -> {
            LeadEntity entity = new LeadEntity();
            entity.partyId = Long.valueOf(partyId);
            entity.createdAt = Instant.now();
            entity.updatedAt = entity.createdAt;
            LeadMapper.apply(c, entity);
            em.persist(entity);
            em.flush();
            LeadDTO stored = LeadMapper.toDto(entity);
            audit.created(em, SalesEntityTypes.LEAD, stored.id, stored);
            events.record(em, SalesTopics.LEAD_CREATED, EventProperties.of(SalesEntityTypes.LEAD, stored.id, stored.version));
            return stored;
        });
        undo.onFailure(() -> deleteCreated(created.id));
        if (created.nextAction != null) {
            return planNextAction(created.id, created.nextAction, created.nextActionAt, null, undo);
        }
        return created;
    }

    /** Takes back a lead whose creation failed after it was written; audited like any delete. */
    private void deleteCreated(String id) {
        tx.required(em -> {
            LeadEntity entity = em.find(LeadEntity.class, Long.parseLong(id));
            if (entity != null) {
                audit.deleted(em, SalesEntityTypes.LEAD, id, LeadMapper.toDto(entity));
                em.remove(entity);
                events.record(em, SalesTopics.LEAD_DELETED, EventProperties.of(SalesEntityTypes.LEAD, id, null));
            }
            return null;
        });
    }

    @Override
    public LeadDTO get(String id) {
        long key = Ids.of(SalesEntityTypes.LEAD, id);
        return tx.required(em -> LeadMapper.toDto(find(em, key, id)));
    }

    @Override
    public LeadDTO update(String id, Long expectedVersion, LeadDTO desired) {
        LeadDTO before = get(id);
        Versions.check(SalesEntityTypes.LEAD, id, expectedVersion, before.version);
        LeadDTO c = LeadMapper.copyWritable(desired);
        if (c.status == null) {
            c.status = before.status;
        }
        LeadTransitions.checkUpdate(before.status, c.status);
        if (c.partyId != null && !c.partyId.equals(before.partyId)) {
            throw new ValidationException(org.tessera.crm.core.api.FieldError.invalid("partyId", "the party of a lead cannot change"));
        }
        check(c, before).throwIfAny();
        validation.validate(SalesEntityTypes.LEAD, c, before);
        long key = Long.parseLong(before.id);
        LeadDTO updated = tx.required(em -> {
            LeadEntity entity = find(em, key, id);
            Versions.check(SalesEntityTypes.LEAD, id, before.version, entity.version);
            LeadDTO previous = LeadMapper.toDto(entity);
            LeadMapper.apply(c, entity);
            entity.updatedAt = Instant.now();
            em.flush();
            return audited(em, previous, entity);
        });
        boolean nextActionChanged = c.nextAction != null
                && (c.nextAction != before.nextAction || !Objects.equals(c.nextActionAt, before.nextActionAt));
        if (nextActionChanged) {
            updated = planNextAction(updated.id, c.nextAction, c.nextActionAt, null, new Compensations());
        }
        return updated;
    }

    @Override
    public void delete(String id, Long expectedVersion) {
        long key = Ids.of(SalesEntityTypes.LEAD, id);
        tx.required(em -> {
            LeadEntity entity = fresh(em, id);
            Versions.check(SalesEntityTypes.LEAD, id, expectedVersion, entity.version);
            if (entity.conversionClaim != null && entity.conversionClaim > System.currentTimeMillis() - CLAIM_TIMEOUT.toMillis()) {
                throw new ConflictException("status", "the lead is being converted");
            }
            audit.deleted(em, SalesEntityTypes.LEAD, id, LeadMapper.toDto(entity));
            em.remove(entity);
            events.record(em, SalesTopics.LEAD_DELETED, EventProperties.of(SalesEntityTypes.LEAD, id, null));
            return null;
        });
    }

    @Override
    public Page<LeadDTO> search(LeadQuery query) {
        FieldErrors errors = new FieldErrors();
        Long party = Ids.reference("partyId", query.partyId, errors);
        Long owner = Ids.reference("ownerId", query.ownerId, errors);
        errors.throwIfAny();
        Long after = KeysetCursor.afterId(query.cursor);
        ScopeFilter scope = access.scope();
        return tx.required(em -> {
            List<LeadEntity> fetched = JpqlQuery.of("SELECT l FROM LeadEntity l")
                    .where(scope.condition("l.partyId"))
                    .where("l.status = :status", "status", query.status == null ? null : query.status.name())
                    .where("l.partyId = :party", "party", party)
                    .where("l.ownerId = :owner", "owner", owner)
                    .where("l.id > :after", "after", after)
                    .create(em, "l.id", LeadEntity.class).setMaxResults(query.limit + 1).getResultList();
            return Pages.byId(fetched, query.limit, e -> e.id, LeadMapper::toDto);
        });
    }

    @Override
    public LeadDTO recordOutcome(String id, LeadOutcomeDTO outcome) {
        LeadDTO lead = get(id);
        if (lead.status == LeadStatus.CONVERTED || lead.status == LeadStatus.DISQUALIFIED) {
            throw new ConflictException("status", "a " + lead.status + " lead is not being worked");
        }
        FieldErrors errors = new FieldErrors().required("outcome", outcome.outcome);
        if (outcome.outcome != null && !customFields.isActiveValue(ActivityTypes.OUTCOME_PICKLIST, outcome.outcome)) {
            errors.invalid("outcome", "not an active value of " + ActivityTypes.OUTCOME_PICKLIST);
        }
        if (outcome.nextAction != null) {
            errors.required("nextActionAt", outcome.nextActionAt);
        }
        errors.throwIfAny();
        Instant now = Instant.now();
        ActivityDTO attempt = new ActivityDTO();
        attempt.type = ActivityTypes.CALL;
        attempt.subject = "Prospecting call: " + outcome.outcome;
        attempt.description = outcome.note;
        attempt.status = ActivityStatus.DONE;
        attempt.channel = ActivityTypes.CHANNEL_PHONE;
        attempt.direction = Direction.OUTBOUND;
        attempt.outcome = outcome.outcome;
        attempt.startAt = now;
        attempt.ownerId = lead.ownerId;
        attempt.participants.add(lead.partyId);
        attempt.links.add(SalesEntityTypes.LEAD_LINK_PREFIX + lead.id);
        Compensations undo = new Compensations();
        try {
            return outcomeRecorded(id, lead, attempt, outcome, now, undo);
        } catch (RuntimeException e) {
            throw undo.undo(e);
        }
    }

    /** The attempt's activity, then the lead's outcome (checked against the lead read before), then the next action. */
    private LeadDTO outcomeRecorded(String id, LeadDTO lead, ActivityDTO attempt, LeadOutcomeDTO outcome, Instant now,
            Compensations undo) {
        String attemptId = activities.create(attempt).id;
        undo.onFailure(() -> activities.delete(attemptId, null));
        LeadDTO updated = tx.required(em -> {
            LeadEntity entity = find(em, Long.parseLong(id), id);
            if (!entity.status.equals(lead.status.name())) {
                throw new ConflictException("status", "the lead became " + entity.status + " meanwhile");
            }
            LeadDTO previous = LeadMapper.toDto(entity);
            entity.lastOutcome = outcome.outcome;
            entity.lastOutcomeAt = now;
            if (LeadStatus.NEW.name().equals(entity.status)) {
                entity.status = LeadStatus.WORKING.name();
            }
            entity.nextAction = null;
            entity.nextActionAt = null;
            entity.updatedAt = now;
            em.flush();
            return audited(em, previous, entity);
        });
        if (outcome.nextAction != null) {
            return planNextAction(updated.id, outcome.nextAction, outcome.nextActionAt, outcome.note, undo);
        }
        return updated;
    }

    @Override
    public LeadConversionDTO convert(String id, LeadConversionDTO request) {
        LeadDTO lead = get(id);
        if (lead.status == LeadStatus.CONVERTED) {
            return result(lead);
        }
        LeadTransitions.checkConversion(lead.status);
        FieldErrors errors = new FieldErrors();
        if (request.createOpportunity && request.currency == null && request.amount != null) {
            errors.required("currency", null);
        }
        errors.throwIfAny();
        Optional<LeadConversionDTO> done = claimConversion(id);
        if (done.isPresent()) {
            return done.get();
        }
        Compensations undo = new Compensations();
        LeadDTO converted;
        try {
            converted = converted(id, lead, request, undo);
        } catch (RuntimeException e) {
            undo.undo(e);
            releaseClaim(id);
            throw e;
        }
        LeadConversionDTO result = result(converted);
        LOG.info("Lead {} converted: contact {}, account {}, opportunity {}", id, result.contactId, result.accountId, result.opportunityId);
        return result;
    }

    /**
     * Claims the lead for this conversion with one conditional update, which the database
     * serializes: of concurrent conversions exactly one claims it.
     *
     * @return the conversion's result when another one completed meanwhile; empty once claimed
     * @throws ConflictException (409) while another conversion holds the claim
     */
    private Optional<LeadConversionDTO> claimConversion(String id) {
        long now = System.currentTimeMillis();
        int claimed = tx.required(em -> em.createQuery("UPDATE LeadEntity l SET l.conversionClaim = :now WHERE l.id = :id"
                        + " AND l.status <> :converted AND (l.conversionClaim IS NULL OR l.conversionClaim < :expired)")
                .setParameter("now", now).setParameter("id", Long.parseLong(id))
                .setParameter("converted", LeadStatus.CONVERTED.name())
                .setParameter("expired", now - CLAIM_TIMEOUT.toMillis()).executeUpdate());
        if (claimed == 1) {
            return Optional.empty();
        }
        LeadDTO current = tx.required(em -> LeadMapper.toDto(fresh(em, id)));
        if (current.status == LeadStatus.CONVERTED) {
            return Optional.of(result(current));
        }
        throw new ConflictException("status", "the lead is being converted by another request");
    }

    /** Gives the claim up after a failed conversion, so that a retry can start afresh. */
    private void releaseClaim(String id) {
        tx.required(em -> em.createQuery("UPDATE LeadEntity l SET l.conversionClaim = NULL WHERE l.id = :id")
                .setParameter("id", Long.parseLong(id)).executeUpdate());
    }

    /** The conversion's steps, each registering its undo, and the converted lead written last (releasing the claim). */
    private LeadDTO converted(String id, LeadDTO lead, LeadConversionDTO request, Compensations undo) {
        PartyDTO contact = leadParties.makeCustomer(lead.partyId, undo);
        String accountId = contact.id;
        if (lead.companyName != null && contact.type == org.tessera.crm.core.api.party.PartyType.PERSON) {
            PartyDTO organization = leadParties.organization(lead.companyName, lead.ownerId, undo);
            leadParties.makeCustomer(organization.id, undo);
            leadParties.employ(contact.id, organization.id);
            accountId = organization.id;
        }
        String opportunityId = null;
        if (request.createOpportunity) {
            OpportunityDTO draft = new OpportunityDTO();
            draft.accountId = accountId;
            draft.name = request.opportunityName != null ? request.opportunityName
                    : (lead.companyName != null ? lead.companyName : contact.displayName);
            draft.amount = request.amount;
            draft.currency = request.currency;
            draft.expectedCloseDate = request.expectedCloseDate;
            draft.ownerId = lead.ownerId;
            draft.campaignId = lead.campaignId;
            if (!accountId.equals(contact.id)) {
                ContactRoleDTO role = new ContactRoleDTO();
                role.partyId = contact.id;
                role.role = "DECISION_MAKER";
                role.primary = true;
                draft.contactRoles.add(role);
            }
            String created = opportunities.create(draft).id;
            undo.onFailure(() -> opportunities.delete(created, null));
            opportunityId = created;
        }
        String account = accountId;
        String opportunity = opportunityId;
        return tx.required(em -> {
            LeadEntity entity = fresh(em, id);
            // the lead may have been disqualified while the parties were being written
            LeadTransitions.checkConversion(LeadStatus.valueOf(entity.status));
            LeadDTO previous = LeadMapper.toDto(entity);
            entity.status = LeadStatus.CONVERTED.name();
            entity.convertedContactId = Long.valueOf(contact.id);
            entity.convertedAccountId = Long.valueOf(account);
            entity.convertedOpportunityId = opportunity == null ? null : Long.valueOf(opportunity);
            entity.convertedAt = Instant.now();
            entity.updatedAt = entity.convertedAt;
            entity.conversionClaim = null;
            em.flush();
            LeadDTO after = LeadMapper.toDto(entity);
            audit.updated(em, SalesEntityTypes.LEAD, after.id, previous, after);
            events.record(em, SalesTopics.LEAD_CONVERTED, EventProperties.of(SalesEntityTypes.LEAD, id, after.version, List.of("status"),
                    conversionProperties(result(after))));
            return after;
        });
    }

    private static Map<String, Object> conversionProperties(LeadConversionDTO result) {
        Map<String, Object> props = new HashMap<>();
        props.put(SalesTopics.CONTACT_ID, result.contactId);
        props.put(SalesTopics.ACCOUNT_ID, result.accountId);
        if (result.opportunityId != null) {
            props.put(SalesTopics.OPPORTUNITY_ID, result.opportunityId);
        }
        return props;
    }

    private static LeadConversionDTO result(LeadDTO lead) {
        LeadConversionDTO r = new LeadConversionDTO();
        r.leadId = lead.id;
        r.contactId = lead.convertedContactId;
        r.accountId = lead.convertedAccountId;
        r.opportunityId = lead.convertedOpportunityId;
        r.createOpportunity = lead.convertedOpportunityId != null;
        return r;
    }

    /** Plans the core activity of a next action and remembers it on the lead; the activity goes again if the lead's write fails. */
    private LeadDTO planNextAction(String leadId, NextAction action, Instant dueAt, String note, Compensations undo) {
        LeadDTO lead = get(leadId);
        ActivityDTO planned = new ActivityDTO();
        planned.type = switch (action) {
            case CALL, CALL_BACK, PHONE_APPOINTMENT -> ActivityTypes.CALL;
            case MEETING -> ActivityTypes.MEETING;
            case SEND_DOCUMENTATION -> ActivityTypes.TASK;
        };
        planned.subject = switch (action) {
            case CALL -> "Call";
            case CALL_BACK -> "Call back";
            case PHONE_APPOINTMENT -> "Phone appointment";
            case MEETING -> "Meeting";
            case SEND_DOCUMENTATION -> "Send documentation";
        } + (lead.companyName != null ? " — " + lead.companyName : "");
        planned.description = note;
        planned.status = ActivityStatus.PLANNED;
        planned.dueAt = dueAt;
        planned.ownerId = lead.ownerId;
        planned.assigneeId = lead.ownerId;
        planned.participants.add(lead.partyId);
        planned.links.add(SalesEntityTypes.LEAD_LINK_PREFIX + leadId);
        String activityId = activities.create(planned).id;
        undo.onFailure(() -> activities.delete(activityId, null));
        try {
            return rememberNextAction(leadId, action, dueAt, activityId);
        } catch (RuntimeException e) {
            throw undo.undo(e);
        }
    }

    private LeadDTO rememberNextAction(String leadId, NextAction action, Instant dueAt, String activityId) {
        return tx.required(em -> {
            LeadEntity entity = find(em, Long.parseLong(leadId), leadId);
            LeadDTO previous = LeadMapper.toDto(entity);
            entity.nextAction = action.name();
            entity.nextActionAt = dueAt;
            entity.nextActivityId = Long.valueOf(activityId);
            em.flush();
            return audited(em, previous, entity);
        });
    }

    private FieldErrors check(LeadDTO c, LeadDTO before) {
        FieldErrors errors = new FieldErrors();
        if (c.partyId != null && before == null && (Ids.reference("partyId", c.partyId, errors) == null
                || access.visibleParty(c.partyId).isEmpty())) {
            errors.invalid("partyId", "no such party");
        }
        Ids.reference("ownerId", c.ownerId, errors);
        if (c.status == LeadStatus.DISQUALIFIED) {
            errors.required("disqualifiedReason", c.disqualifiedReason);
        }
        if (c.nextAction != null) {
            errors.required("nextActionAt", c.nextActionAt);
        }
        if (c.email != null && !c.email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.invalid("email", "not an email address");
        }
        try {
            c.customFields = new java.util.LinkedHashMap<>(customFields.normalize(SalesEntityTypes.LEAD, c.customFields, false));
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        return errors;
    }

    /** The lead as now written, its update audited in the same transaction. */
    /** Audits a lead's update and records its event, in the update's transaction. */
    private LeadDTO audited(EntityManager em, LeadDTO previous, LeadEntity entity) {
        LeadDTO updated = LeadMapper.toDto(entity);
        audit.updated(em, SalesEntityTypes.LEAD, updated.id, previous, updated);
        events.record(em, SalesTopics.LEAD_UPDATED, EventProperties.updated(SalesEntityTypes.LEAD, updated.id, updated.version,
                previous, updated, "updatedAt"));
        return updated;
    }

    /** The lead as the database holds it now: the claim is written by bulk updates, which a cached copy may predate. */
    private LeadEntity fresh(EntityManager em, String id) {
        LeadEntity entity = find(em, Long.parseLong(id), id);
        em.refresh(entity);
        return entity;
    }

    private LeadEntity find(EntityManager em, long key, String id) {
        LeadEntity entity = em.find(LeadEntity.class, key);
        if (entity == null || access.visibleParty(entity.partyId.toString()).isEmpty()) {
            throw new NotFoundException(SalesEntityTypes.LEAD, id);
        }
        return entity;
    }
}
