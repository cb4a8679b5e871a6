package org.tessera.crm.core.impl.party;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.party.PartyRelationshipDTO;
import org.tessera.crm.core.api.party.PartyRoleDTO;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.entity.PartyEntity;
import org.tessera.crm.core.impl.entity.PartyRelationshipEntity;
import org.tessera.crm.core.impl.entity.PartyRoleEntity;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.impl.support.JpaLookups;

/** Roles and relationships of parties: typed by picklist, dated, history kept. */
final class PartyLinks {
    static final String ROLE_TYPE_PICKLIST = "party-role-type";

    private final Tx tx;
    private final AuditTrail audit;

    PartyLinks(Tx tx, AuditTrail audit) {
        this.tx = tx;
        this.audit = audit;
    }

    PartyRelationshipDTO addRelationship(String fromPartyId, PartyRelationshipDTO relationship) {
        return tx.required(em -> {
            Long from = existingParty(em, fromPartyId);
            Long to = existingParty(em, relationship.toPartyId);
            FieldErrors errors = new FieldErrors();
            checkType(em, "type", relationship.type, PartyRelationshipDTO.PICKLIST, errors);
            checkPeriod(relationship.from, relationship.thru, errors);
            errors.throwIfAny();
            List<PartyRelationshipEntity> same = em.createQuery("SELECT r FROM PartyRelationshipEntity r"
                            + " WHERE r.type = :type AND r.fromPartyId = :from AND r.toPartyId = :to",
                            PartyRelationshipEntity.class)
                    .setParameter("type", relationship.type).setParameter("from", from).setParameter("to", to)
                    .getResultList();
            if (same.stream().anyMatch(r -> overlaps(r.from, r.thru, relationship.from, relationship.thru))) {
                throw new ConflictException("type", "the same relationship exists for an overlapping period");
            }
            PartyRelationshipEntity entity = new PartyRelationshipEntity();
            entity.type = relationship.type;
            entity.fromPartyId = from;
            entity.toPartyId = to;
            entity.from = relationship.from;
            entity.thru = relationship.thru;
            em.persist(entity);
            em.flush();
            PartyRelationshipDTO stored = toDto(entity);
            audit.record(em, "PARTY_RELATIONSHIP", stored.id, AuditAction.CREATE, null, stored, Set.of());
            return stored;
        });
    }

    List<PartyRelationshipDTO> relationships(String partyId) {
        return Ids.parse(partyId).map(id -> tx.required(em -> em.createQuery("SELECT r FROM PartyRelationshipEntity r"
                        + " WHERE r.fromPartyId = :id OR r.toPartyId = :id ORDER BY r.id", PartyRelationshipEntity.class)
                .setParameter("id", id).getResultList().stream().map(PartyLinks::toDto).toList()))
                .orElse(List.of());
    }

    PartyRoleDTO addRole(String partyId, PartyRoleDTO role) {
        return tx.required(em -> {
            Long party = existingParty(em, partyId);
            FieldErrors errors = new FieldErrors();
            checkType(em, "type", role.type, ROLE_TYPE_PICKLIST, errors);
            checkPeriod(role.from, role.thru, errors);
            errors.throwIfAny();
            PartyRoleEntity entity = new PartyRoleEntity();
            entity.partyId = party;
            entity.type = role.type;
            entity.from = role.from;
            entity.thru = role.thru;
            em.persist(entity);
            em.flush();
            PartyRoleDTO stored = toDto(entity);
            audit.record(em, "PARTY_ROLE", stored.id, AuditAction.CREATE, null, stored, Set.of());
            return stored;
        });
    }

    List<PartyRoleDTO> roles(String partyId) {
        return Ids.parse(partyId).map(id -> tx.required(em -> em.createQuery("SELECT r FROM PartyRoleEntity r"
                        + " WHERE r.partyId = :id ORDER BY r.id", PartyRoleEntity.class)
                .setParameter("id", id).getResultList().stream().map(PartyLinks::toDto).toList()))
                .orElse(List.of());
    }

    /** Removes the roles of a party and the relationships at either end of it. */
    void deleteAllOf(EntityManager em, Long partyId) {
        em.createQuery("SELECT r FROM PartyRelationshipEntity r WHERE r.fromPartyId = :id OR r.toPartyId = :id",
                PartyRelationshipEntity.class).setParameter("id", partyId).getResultList().forEach(em::remove);
        em.createQuery("SELECT r FROM PartyRoleEntity r WHERE r.partyId = :id", PartyRoleEntity.class)
                .setParameter("id", partyId).getResultList().forEach(em::remove);
    }

    private static Long existingParty(EntityManager em, String id) {
        return Ids.parse(id).filter(value -> em.find(PartyEntity.class, value) != null)
                .orElseThrow(() -> new NotFoundException(EntityTypes.PARTY, id));
    }

    private static void checkType(EntityManager em, String field, String type, String picklist, FieldErrors errors) {
        if (type == null || type.isBlank()) {
            errors.required(field, type);
        } else if (!new JpaLookups(em).isActiveValue(picklist, type)) {
            errors.invalid(field, "not an active value of " + picklist);
        }
    }

    /** {@code thru} is exclusive, so it must come after {@code from}. */
    private static void checkPeriod(LocalDate from, LocalDate thru, FieldErrors errors) {
        if (from != null && thru != null && !thru.isAfter(from)) {
            errors.invalid("thru", "must be after from");
        }
    }

    static boolean overlaps(LocalDate from1, LocalDate thru1, LocalDate from2, LocalDate thru2) {
        boolean startsBeforeOtherEnds = thru2 == null || from1 == null || from1.isBefore(thru2);
        boolean endsAfterOtherStarts = thru1 == null || from2 == null || from2.isBefore(thru1);
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }

    private static PartyRelationshipDTO toDto(PartyRelationshipEntity e) {
        PartyRelationshipDTO dto = new PartyRelationshipDTO();
        dto.id = Ids.format(e.id);
        dto.type = e.type;
        dto.fromPartyId = Ids.format(e.fromPartyId);
        dto.toPartyId = Ids.format(e.toPartyId);
        dto.from = e.from;
        dto.thru = e.thru;
        dto.version = e.version;
        return dto;
    }

    private static PartyRoleDTO toDto(PartyRoleEntity e) {
        PartyRoleDTO dto = new PartyRoleDTO();
        dto.id = Ids.format(e.id);
        dto.partyId = Ids.format(e.partyId);
        dto.type = e.type;
        dto.from = e.from;
        dto.thru = e.thru;
        return dto;
    }
}
