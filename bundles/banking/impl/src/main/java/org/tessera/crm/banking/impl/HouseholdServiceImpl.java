package org.tessera.crm.banking.impl;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.banking.api.AssetDTO;
import org.tessera.crm.banking.api.AssetKind;
import org.tessera.crm.banking.api.BankingEntityTypes;
import org.tessera.crm.banking.api.BankingTopics;
import org.tessera.crm.banking.api.HouseholdMemberDTO;
import org.tessera.crm.banking.api.HouseholdRole;
import org.tessera.crm.banking.api.HouseholdService;
import org.tessera.crm.banking.api.RollupDTO;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.ForbiddenException;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyRelationshipDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.Versions;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.ModuleEvents;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Household memberships (on the core's household parties and {@code MEMBER_OF_HOUSEHOLD}
 * relationships), declared assets, and rollups computed in SQL when asked: always from the current
 * rows, so correct after every account change without anything to keep in step.
 */
@Component(service = HouseholdService.class)
public class HouseholdServiceImpl implements HouseholdService {
    static final String MEMBER_OF_HOUSEHOLD = "MEMBER_OF_HOUSEHOLD";

    private final Tx tx;
    private final PartyService parties;
    private final RecordScope scope;
    private final CallerContext callers;
    private final ModuleEvents events;
    private final ModuleAudit audit;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public HouseholdServiceImpl(@Reference(name = "tx", target = "(osgi.unit.name=tessera-banking)") Tx tx, @Reference PartyService parties,
            @Reference RecordScope scope, @Reference CallerContext callers, @Reference DomainEventPublisher events,
            @Reference AuditRecorder auditRecorder) {
        this.tx = tx;
        this.parties = parties;
        this.scope = scope;
        this.callers = callers;
        this.events = new ModuleEvents(events);
        this.audit = new ModuleAudit(auditRecorder, java.util.Set.of("value"));
    }

    @Override
    public HouseholdMemberDTO addMember(String householdId, HouseholdMemberDTO member) {
        PartyDTO household = visibleParty(householdId);
        FieldErrors errors = new FieldErrors();
        if (household.type != PartyType.HOUSEHOLD) {
            errors.invalid("householdId", "not a household party");
        }
        errors.required("partyId", member.partyId);
        if (member.role == null) {
            errors.required("role", null);
        }
        Optional<PartyDTO> person = member.partyId == null || Ids.parse(member.partyId).isEmpty() || !scope.canAccessParty(member.partyId)
                ? Optional.empty() : parties.find(member.partyId);
        if (member.partyId != null && person.isEmpty()) {
            errors.invalid("partyId", "no such party");
        } else if (person.isPresent() && person.get().type != PartyType.PERSON) {
            errors.invalid("partyId", "only a person is a member of a household");
        }
        errors.throwIfAny();
        long householdKey = Long.parseLong(household.id);
        long personKey = Long.parseLong(member.partyId);
        Optional<HouseholdMemberEntity> primary = tx.required(em -> {
            if (!em.createQuery("SELECT m.id FROM HouseholdMemberEntity m WHERE m.householdId = :h AND m.partyId = :p", Long.class)
                    .setParameter("h", householdKey).setParameter("p", personKey).getResultList().isEmpty()) {
                throw new ConflictException("partyId", "the person is already a member of this household");
            }
            return primaryOf(em, personKey);
        });
        boolean makePrimary = member.primary == null ? primary.isEmpty() : member.primary;
        if (makePrimary && primary.isPresent()) {
            new FieldErrors().invalid("primary", "the person's primary household is " + primary.get().householdId
                    + ": a person has one primary household").throwIfAny();
        }
        LocalDate from = member.from != null ? member.from : LocalDate.now(clock);
        // the core's relationship first (it validates and refuses an overlapping one), our row last
        PartyRelationshipDTO relationship = new PartyRelationshipDTO();
        relationship.type = MEMBER_OF_HOUSEHOLD;
        relationship.toPartyId = household.id;
        relationship.from = from;
        PartyRelationshipDTO recorded = parties.addRelationship(member.partyId, relationship);
        HouseholdMemberDTO created = tx.required(em -> {
            HouseholdMemberEntity entity = new HouseholdMemberEntity();
            entity.householdId = householdKey;
            entity.partyId = personKey;
            entity.role = member.role.name();
            entity.primary = makePrimary;
            entity.from = from;
            entity.relationshipId = Ids.parse(recorded.id).orElse(null);
            em.persist(entity);
            em.flush();
            HouseholdMemberDTO dto = toDto(entity);
            audit.created(em, BankingEntityTypes.HOUSEHOLD_MEMBER, dto.id, dto);
            events.record(em, BankingTopics.HOUSEHOLD_MEMBER_CHANGED, EventProperties.of(BankingEntityTypes.HOUSEHOLD_MEMBER, dto.id, dto.version));
            return dto;
        });
        return created;
    }

    @Override
    public List<HouseholdMemberDTO> members(String householdId) {
        long key = Long.parseLong(visibleParty(householdId).id);
        return tx.required(em -> em.createQuery("SELECT m FROM HouseholdMemberEntity m WHERE m.householdId = :h ORDER BY m.id",
                HouseholdMemberEntity.class).setParameter("h", key).getResultList().stream().map(HouseholdServiceImpl::toDto).toList());
    }

    @Override
    public List<HouseholdMemberDTO> membershipsOf(String partyId) {
        long key = Long.parseLong(visibleParty(partyId).id);
        return tx.required(em -> em.createQuery("SELECT m FROM HouseholdMemberEntity m WHERE m.partyId = :p ORDER BY m.primary DESC, m.id",
                HouseholdMemberEntity.class).setParameter("p", key).getResultList().stream().map(HouseholdServiceImpl::toDto).toList());
    }

    @Override
    public void removeMember(String householdId, String memberId, Long expectedVersion) {
        long household = Long.parseLong(visibleParty(householdId).id);
        tx.required(em -> {
            HouseholdMemberEntity entity = Ids.parse(memberId).map(id -> em.find(HouseholdMemberEntity.class, id)).orElse(null);
            if (entity == null || entity.householdId != household) {
                throw new NotFoundException(BankingEntityTypes.HOUSEHOLD_MEMBER, memberId);
            }
            Versions.check(BankingEntityTypes.HOUSEHOLD_MEMBER, memberId, expectedVersion, entity.version);
            audit.deleted(em, BankingEntityTypes.HOUSEHOLD_MEMBER, memberId, toDto(entity));
            em.remove(entity);
            events.record(em, BankingTopics.HOUSEHOLD_MEMBER_CHANGED, EventProperties.of(BankingEntityTypes.HOUSEHOLD_MEMBER, memberId, null));
            return null;
        });
    }

    @Override
    public RollupDTO householdRollup(String householdId) {
        requireBalances();
        long key = Ids.parse(householdId).orElseThrow(() -> new NotFoundException("HOUSEHOLD", householdId));
        String visible = ScopeFilter.of(scope).sqlCondition("p.id");
        return tx.required(em -> {
            if (!PartyType.HOUSEHOLD.name().equals(visiblePartyType(em, key, visible))) {
                throw new NotFoundException("HOUSEHOLD", householdId);
            }
            return RollupQueries.household(em, key, LocalDate.now(clock));
        });
    }

    @Override
    public RollupDTO personRollup(String partyId) {
        requireBalances();
        long key = Ids.parse(partyId).orElseThrow(() -> new NotFoundException("PARTY", partyId));
        String visible = ScopeFilter.of(scope).sqlCondition("p.id");
        return tx.required(em -> {
            if (visiblePartyType(em, key, visible) == null) {
                throw new NotFoundException("PARTY", partyId);
            }
            return RollupQueries.person(em, key, LocalDate.now(clock));
        });
    }

    /**
     * The party's type when it exists within the caller's scope, else null: one indexed read in the
     * rollup's transaction instead of a full party read (contact mechanisms, classifications,
     * custom values) that the rollup does not use.
     */
    private static String visiblePartyType(EntityManager em, long partyId, String visibleCondition) {
        List<?> types = em.createNativeQuery("SELECT p.party_type FROM party p WHERE p.id = ?1 AND " + visibleCondition)
                .setParameter(1, partyId).getResultList();
        return types.isEmpty() ? null : String.valueOf(types.get(0));
    }

    @Override
    public AssetDTO addAsset(String partyId, AssetDTO asset) {
        long key = Long.parseLong(visibleParty(partyId).id);
        FieldErrors errors = new FieldErrors();
        if (asset.kind == null) {
            errors.required("kind", null);
        }
        errors.required("category", asset.category).maxLength("category", asset.category, 40).maxLength("description", asset.description, 200);
        if (asset.value == null) {
            errors.required("value", null);
        } else if (asset.value.signum() < 0) {
            errors.invalid("value", "must not be negative; a liability is declared with kind LIABILITY");
        }
        if (asset.currency == null || !asset.currency.matches("[A-Za-z]{3}")) {
            errors.invalid("currency", "must be an ISO 4217 code of 3 letters");
        }
        errors.throwIfAny();
        AssetDTO created = tx.required(em -> {
            AssetEntity entity = new AssetEntity();
            entity.partyId = key;
            entity.kind = asset.kind.name();
            entity.category = asset.category.trim().toUpperCase(Locale.ROOT);
            entity.description = asset.description;
            entity.value = asset.value;
            entity.currency = asset.currency.toUpperCase(Locale.ROOT);
            entity.asOf = asset.asOf != null ? asset.asOf : LocalDate.now(clock);
            em.persist(entity);
            em.flush();
            AssetDTO dto = toDto(entity);
            audit.created(em, BankingEntityTypes.ASSET, dto.id, dto);
            return dto;
        });
        return created;
    }

    @Override
    public List<AssetDTO> assets(String partyId) {
        long key = Long.parseLong(visibleParty(partyId).id);
        boolean values = callers.permits(BankingPermissions.BALANCE_READ);
        return tx.required(em -> em.createQuery("SELECT x FROM AssetEntity x WHERE x.partyId = :p ORDER BY x.id", AssetEntity.class)
                .setParameter("p", key).getResultList().stream().map(HouseholdServiceImpl::toDto).peek(a -> {
                    if (!values) {
                        a.value = null;
                    }
                }).toList());
    }

    private void requireBalances() {
        if (!callers.permits(BankingPermissions.BALANCE_READ)) {
            throw new ForbiddenException(null, "rollups are sums of balances: they need " + BankingPermissions.BALANCE_READ);
        }
    }

    private PartyDTO visibleParty(String partyId) {
        if (Ids.parse(partyId).isEmpty() || !scope.canAccessParty(partyId)) {
            throw new NotFoundException("PARTY", partyId);
        }
        return parties.find(partyId).orElseThrow(() -> new NotFoundException("PARTY", partyId));
    }

    static Optional<HouseholdMemberEntity> primaryOf(EntityManager em, long partyId) {
        return em.createQuery("SELECT m FROM HouseholdMemberEntity m WHERE m.partyId = :p AND m.primary = :yes", HouseholdMemberEntity.class)
                .setParameter("p", partyId).setParameter("yes", true).getResultStream().findFirst();
    }

    static HouseholdMemberDTO toDto(HouseholdMemberEntity entity) {
        HouseholdMemberDTO dto = new HouseholdMemberDTO();
        dto.id = Ids.format(entity.id);
        dto.householdId = Ids.format(entity.householdId);
        dto.partyId = Ids.format(entity.partyId);
        dto.role = HouseholdRole.valueOf(entity.role);
        dto.primary = entity.primary;
        dto.from = entity.from;
        dto.relationshipId = Ids.format(entity.relationshipId);
        dto.version = entity.version;
        return dto;
    }

    static AssetDTO toDto(AssetEntity entity) {
        AssetDTO dto = new AssetDTO();
        dto.id = Ids.format(entity.id);
        dto.partyId = Ids.format(entity.partyId);
        dto.kind = AssetKind.valueOf(entity.kind);
        dto.category = entity.category;
        dto.description = entity.description;
        dto.value = entity.value;
        dto.currency = entity.currency;
        dto.asOf = entity.asOf;
        dto.version = entity.version;
        return dto;
    }
}
