package org.tessera.crm.core.impl.privacy;

import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.privacy.ConsentDTO;
import org.tessera.crm.core.api.privacy.ConsentService;
import org.tessera.crm.core.api.privacy.ConsentStatus;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Consents: recorded ones in {@code party_consent}, and the opt-out flags of the contact mechanisms
 * shown beside them as derived consents for every purpose.
 */
@Component
public class ConsentServiceImpl implements ConsentService {
    /** The entity type of a consent in the audit trail and the change feed. */
    static final String CONSENT = "CONSENT";
    static final String CONSENT_RECORDED = "org/tessera/crm/core/consent/RECORDED";
    private static final int IN_LIST = 500;

    private final Tx tx;
    private final RecordScope scope;
    private final AuditTrail audit;
    private final DomainEventPublisher events;

    @Activate
    public ConsentServiceImpl(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, @Reference(name = "scope") RecordScope scope,
            @Reference(name = "audit") AuditTrail audit, @Reference(name = "events") DomainEventPublisher events) {
        this.tx = tx;
        this.scope = scope;
        this.audit = audit;
        this.events = events;
    }

    @Override
    public List<ConsentDTO> consents(String partyId) {
        long party = visibleParty(partyId);
        return tx.required(em -> consentsOf(em, party));
    }

    /** The party's recorded consents, then the views of its opted-out mechanisms; no scope check. */
    static List<ConsentDTO> consentsOf(EntityManager em, long party) {
        List<ConsentDTO> consents = new ArrayList<>();
        em.createQuery("SELECT c FROM ConsentEntity c WHERE c.partyId = :party ORDER BY c.purpose, c.channel", ConsentEntity.class)
                .setParameter("party", party).getResultList().forEach(entity -> consents.add(toDto(entity)));
        Set<String> optedOut = new TreeSet<>();
        for (Object[] row : em.createQuery("SELECT m.type, m.optOut FROM ContactMechanismEntity m WHERE m.party.id = :party",
                Object[].class).setParameter("party", party).getResultList()) {
            if (Boolean.TRUE.equals(row[1])) {
                optedOut.addAll(ConsentChannels.channelsOf((String) row[0]));
            }
        }
        Map<String, Set<String>> reachable = reachableChannels(em, List.of(party));
        for (String channel : optedOut) {
            if (!reachable.getOrDefault(Ids.format(party), Set.of()).contains(channel)) {
                ConsentDTO derived = new ConsentDTO();
                derived.partyId = Ids.format(party);
                derived.purpose = ConsentDTO.ANY_PURPOSE;
                derived.channel = channel;
                derived.status = ConsentStatus.WITHDRAWN;
                derived.source = "contact mechanism opt-out";
                derived.derived = true;
                consents.add(derived);
            }
        }
        return consents;
    }

    @Override
    public ConsentDTO record(String partyId, ConsentDTO draft) {
        FieldErrors errors = new FieldErrors();
        if (draft == null) {
            errors.required("body", null);
            errors.throwIfAny();
        }
        errors.required("purpose", draft.purpose).required("channel", draft.channel).required("status", draft.status)
                .maxLength("source", draft.source, 200);
        if (draft.purpose != null && (!ConsentChannels.validPurpose(draft.purpose) || ConsentDTO.ANY_PURPOSE.equals(draft.purpose))) {
            errors.invalid("purpose", "must be a lower-case code of at most 50 letters, digits and '-' other than '"
                    + ConsentDTO.ANY_PURPOSE + "'");
        }
        if (draft.channel != null && !ConsentChannels.CHANNELS.contains(draft.channel)) {
            errors.invalid("channel", "must be one of " + new TreeSet<>(ConsentChannels.CHANNELS));
        }
        Instant now = Times.now();
        if (draft.capturedAt != null && draft.capturedAt.isAfter(now.plus(1, ChronoUnit.MINUTES))) {
            errors.invalid("capturedAt", "must not be in the future");
        }
        errors.throwIfAny();
        long party = visibleParty(partyId);
        return tx.required(em -> {
            Optional<ConsentEntity> stored = em.createQuery("SELECT c FROM ConsentEntity c WHERE c.partyId = :party AND c.purpose = :purpose"
                    + " AND c.channel = :channel", ConsentEntity.class).setParameter("party", party).setParameter("purpose", draft.purpose)
                    .setParameter("channel", draft.channel).getResultStream().findFirst();
            ConsentDTO before = stored.map(ConsentServiceImpl::toDto).orElse(null);
            ConsentEntity entity = stored.orElseGet(ConsentEntity::new);
            entity.partyId = party;
            entity.purpose = draft.purpose;
            entity.channel = draft.channel;
            entity.status = draft.status.name();
            entity.capturedAt = draft.capturedAt == null ? now : draft.capturedAt.truncatedTo(ChronoUnit.MILLIS);
            entity.source = draft.source == null || draft.source.isBlank() ? null : draft.source.trim();
            if (stored.isEmpty()) {
                em.persist(entity);
            }
            em.flush();
            ConsentDTO after = toDto(entity);
            audit.record(em, CONSENT, after.id, before == null ? AuditAction.CREATE : AuditAction.UPDATE, before, after, Set.of());
            events.record(em.unwrap(Connection.class), CONSENT_RECORDED, EventProperties.of(CONSENT, after.id, after.version, null));
            return after;
        });
    }

    @Override
    public Set<String> withdrawn(Collection<String> partyIds, String purpose, String channel) {
        List<Long> keys = partyIds.stream().map(Ids::parse).flatMap(Optional::stream).distinct().toList();
        if (keys.isEmpty() || channel == null || purpose == null) {
            return Set.of();
        }
        return tx.required(em -> {
            Set<String> withdrawn = new HashSet<>();
            for (int from = 0; from < keys.size(); from += IN_LIST) {
                List<Long> chunk = keys.subList(from, Math.min(keys.size(), from + IN_LIST));
                Map<Long, String> recorded = new HashMap<>();
                for (Object[] row : em.createQuery("SELECT c.partyId, c.status FROM ConsentEntity c WHERE c.partyId IN :ids"
                        + " AND c.purpose = :purpose AND c.channel = :channel", Object[].class).setParameter("ids", chunk)
                        .setParameter("purpose", purpose).setParameter("channel", channel).getResultList()) {
                    recorded.put((Long) row[0], (String) row[1]);
                }
                Map<String, Set<String>> reachable = reachableChannels(em, chunk);
                Set<Long> withMechanism = partiesWithMechanism(em, chunk, channel);
                for (Long key : chunk) {
                    String status = recorded.get(key);
                    boolean optedOut = status == null && withMechanism.contains(key)
                            && !reachable.getOrDefault(Ids.format(key), Set.of()).contains(channel);
                    if (ConsentStatus.WITHDRAWN.name().equals(status) || optedOut) {
                        withdrawn.add(Ids.format(key));
                    }
                }
            }
            return withdrawn;
        });
    }

    /** The channels on which each party has at least one mechanism that is not opted out. */
    private static Map<String, Set<String>> reachableChannels(EntityManager em, List<Long> parties) {
        Map<String, Set<String>> reachable = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT DISTINCT m.party.id, m.type FROM ContactMechanismEntity m WHERE m.party.id IN :ids"
                + " AND m.optOut = :optedOut", Object[].class).setParameter("ids", parties).setParameter("optedOut", Boolean.FALSE)
                .getResultList()) {
            reachable.computeIfAbsent(Ids.format((Long) row[0]), key -> new HashSet<>()).addAll(ConsentChannels.channelsOf((String) row[1]));
        }
        return reachable;
    }

    private static Set<Long> partiesWithMechanism(EntityManager em, List<Long> parties, String channel) {
        String type = Optional.ofNullable(ConsentChannels.MECHANISM.get(channel)).map(Enum::name).orElse(null);
        if (type == null) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("SELECT DISTINCT m.party.id FROM ContactMechanismEntity m WHERE m.party.id IN :ids"
                + " AND m.type = :type", Long.class).setParameter("ids", parties).setParameter("type", type).getResultList());
    }

    private long visibleParty(String partyId) {
        Optional<Long> key = Ids.parse(partyId);
        if (key.isEmpty() || !scope.canAccessParty(partyId)) {
            throw new NotFoundException(EntityTypes.PARTY, partyId);
        }
        return key.get();
    }

    static ConsentDTO toDto(ConsentEntity entity) {
        ConsentDTO dto = new ConsentDTO();
        dto.id = Ids.format(entity.id);
        dto.partyId = Ids.format(entity.partyId);
        dto.purpose = entity.purpose;
        dto.channel = entity.channel;
        dto.status = ConsentStatus.valueOf(entity.status);
        dto.capturedAt = entity.capturedAt;
        dto.source = entity.source;
        dto.version = entity.version;
        return dto;
    }
}
