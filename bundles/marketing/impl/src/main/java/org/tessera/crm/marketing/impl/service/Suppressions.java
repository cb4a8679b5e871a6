package org.tessera.crm.marketing.impl.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.KeysetCursor;
import org.tessera.crm.core.kit.Pages;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.ModuleEvents;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.marketing.api.MarketingConstants;
import org.tessera.crm.marketing.api.SuppressionDTO;
import org.tessera.crm.marketing.impl.entity.SuppressionEntity;
import org.tessera.crm.marketing.impl.segment.NativeSql;

/**
 * Marketing's own suppression list: parties never sent to on a channel (or on any), whatever their
 * consent in the core says. Kept apart from the core's per-mechanism opt-out, so that "no more
 * phone campaigns" does not silently become "no more email".
 */
@Component(service = Suppressions.class)
public class Suppressions {
    static final String SUPPRESSION = MarketingConstants.SUPPRESSION;
    static final Set<String> CHANNELS = Set.of("EMAIL", "PHONE", "POSTAL", Channels.ALL);
    private final Tx tx;
    private final RecordScope scope;
    private final ModuleEvents events;
    private final ModuleAudit audit;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public Suppressions(@Reference(target = MarketingUnit.TX) Tx tx, @Reference RecordScope scope, @Reference DomainEventPublisher events,
            @Reference AuditRecorder auditRecorder) {
        this.tx = tx;
        this.scope = scope;
        this.events = new ModuleEvents(events);
        this.audit = new ModuleAudit(auditRecorder);
    }

    public SuppressionDTO add(SuppressionDTO draft) {
        FieldErrors errors = new FieldErrors();
        errors.required("partyId", draft.partyId).required("channel", draft.channel).maxLength("reason", draft.reason, 200);
        Long party = Ids.reference("partyId", draft.partyId, errors);
        if (draft.channel != null && !CHANNELS.contains(draft.channel)) {
            errors.invalid("channel", "must be one of " + CHANNELS);
        }
        if (party != null && !scope.canAccessParty(draft.partyId)) {
            errors.invalid("partyId", "no such party");
        }
        errors.throwIfAny();
        SuppressionDTO created = tx.required(em -> {
            SuppressionEntity e = new SuppressionEntity();
            e.partyId = party;
            e.channel = draft.channel;
            e.reason = draft.reason == null || draft.reason.isBlank() ? null : draft.reason.trim();
            e.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            em.persist(e);
            em.flush(); // a second suppression of the party on the channel is a 409 on partyId (uq_marketing_suppression_party_id)
            SuppressionDTO d = toDto(new Object[] {e.id, e.partyId, e.channel, e.reason, java.sql.Timestamp.from(e.createdAt)});
            audit.created(em, SUPPRESSION, d.id, d);
            events.record(em, MarketingConstants.topic("suppression", "CREATED"), EventProperties.of(SUPPRESSION, d.id, null));
            return d;
        });
        return created;
    }

    public Page<SuppressionDTO> list(String partyId, int limit, String cursor) {
        KeysetCursor.checkLimit(limit);
        FieldErrors errors = new FieldErrors();
        Long party = Ids.reference("partyId", partyId, errors);
        errors.throwIfAny();
        Long after = KeysetCursor.afterId(cursor);
        List<Object> params = new ArrayList<>(List.of(after == null ? Long.MIN_VALUE : after));
        String byParty = "";
        if (party != null) {
            byParty = " AND s.party_id = ?";
            params.add(party);
        }
        String sql = "SELECT s.id, s.party_id, s.channel, s.reason, s.created_at FROM marketing_suppression s WHERE s.id > ?" + byParty
                + " AND " + ScopeFilter.of(scope).sqlCondition("s.party_id") + " ORDER BY s.id";
        return tx.required(em -> {
            List<Object[]> rows = NativeSql.query(em, sql, params).setMaxResults(limit + 1).getResultList().stream().map(r -> (Object[]) r).toList();
            return Pages.byId(rows, limit, r -> NativeSql.longOf(r[0]), Suppressions::toDto);
        });
    }

    public void delete(String id) {
        long key = Ids.of(SUPPRESSION, id);
        String visible = ScopeFilter.of(scope).sqlCondition("s.party_id");
        tx.required(em -> {
            List<?> rows = NativeSql.query(em, "SELECT s.id, s.party_id, s.channel, s.reason, s.created_at FROM marketing_suppression s"
                    + " WHERE s.id = ? AND " + visible, List.of(key)).getResultList();
            if (rows.isEmpty()) {
                throw new NotFoundException(SUPPRESSION, id);
            }
            audit.deleted(em, SUPPRESSION, id, toDto((Object[]) rows.get(0)));
            NativeSql.update(em, "DELETE FROM marketing_suppression WHERE id = ?", List.of(key));
            events.record(em, MarketingConstants.topic("suppression", "DELETED"), EventProperties.of(SUPPRESSION, id, null));
            return null;
        });
    }

    private static SuppressionDTO toDto(Object[] r) {
        SuppressionDTO d = new SuppressionDTO();
        d.id = String.valueOf(NativeSql.longOf(r[0]));
        d.partyId = String.valueOf(NativeSql.longOf(r[1]));
        d.channel = (String) r[2];
        d.reason = (String) r[3];
        d.createdAt = NativeSql.instantOf(r[4]);
        return d;
    }
}
