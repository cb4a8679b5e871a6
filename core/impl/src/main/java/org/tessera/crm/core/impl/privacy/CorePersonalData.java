package org.tessera.crm.core.impl.privacy;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.party.PartyStatus;
import org.tessera.crm.core.api.privacy.ErasureItemDTO;
import org.tessera.crm.core.api.privacy.ErasureResultDTO;
import org.tessera.crm.core.impl.activity.ActivityMapper;
import org.tessera.crm.core.impl.customfield.CustomValueStore;
import org.tessera.crm.core.impl.duplicate.PartyDuplicates;
import org.tessera.crm.core.impl.entity.ActivityEntity;
import org.tessera.crm.core.impl.entity.PartyEntity;
import org.tessera.crm.core.impl.party.PartyReader;
import org.tessera.crm.core.kit.Ids;

/** The core's own part of a person's data: the party, its activities, consents and audit. */
final class CorePersonalData {
    static final String MODULE = "core";
    /** The subject an activity of the erased party alone is left with. */
    static final String ERASED_SUBJECT = "(erased)";

    private CorePersonalData() {
    }

    /** The core's section of the export, without roles and relationships (read through the party service). */
    static Map<String, Object> export(EntityManager em, PartyEntity party) {
        Map<String, Object> core = new LinkedHashMap<>();
        core.put("party", new PartyReader(em, true).toDto(party));
        List<ActivityEntity> activities = activitiesOf(em, party.id);
        List<ActivityDTO> shown = activities.isEmpty() ? List.of() : ActivityMapper.toDtos(em, activities);
        core.put("activities", shown);
        core.put("consents", ConsentServiceImpl.consentsOf(em, party.id));
        core.put("legalHold", LegalHolds.of(em.unwrap(Connection.class), party.id));
        core.put("audit", auditSummary(em, party.id));
        return core;
    }

    /**
     * Anonymizes the party: names and birth date, contact mechanisms, external ids, search terms,
     * custom values, consents and duplicate-matching keys go; the activities it alone took part in
     * lose their subject and description. Classifications, roles, relationships and the activities
     * shared with other parties stay (they are other parties' history too).
     */
    static ErasureResultDTO erase(EntityManager em, PartyEntity party, Instant now, PartyDuplicates duplicates) {
        ErasureResultDTO result = new ErasureResultDTO(MODULE);
        String id = Ids.format(party.id);
        party.salutation = null;
        party.firstName = null;
        party.lastName = null;
        party.birthDate = null;
        party.jobTitle = null;
        party.legalName = null;
        party.registrationNumber = null;
        party.householdName = null;
        party.displayName = "Erased party " + id;
        party.sortName = party.displayName.toLowerCase(java.util.Locale.ROOT);
        party.status = PartyStatus.INACTIVE.name();
        party.updatedAt = now;
        int mechanisms = party.contactMechanisms.size();
        party.contactMechanisms.clear();
        int externalIds = party.externalIds.size();
        party.externalIds.clear();
        party.searchTerms.clear();
        new CustomValueStore(em).deleteAll(EntityTypes.PARTY, party.id);
        long consents = em.createQuery("DELETE FROM ConsentEntity c WHERE c.partyId = :party").setParameter("party", party.id).executeUpdate();
        Optional.ofNullable(duplicates).ifPresent(d -> d.session(em).forget(party.id));
        result.erased.add(new ErasureItemDTO(EntityTypes.PARTY, 1, List.of("salutation", "firstName", "lastName", "birthDate", "jobTitle",
                "legalName", "registrationNumber", "name", "displayName", "externalIds (" + externalIds + ")", "customFields"), null));
        if (mechanisms > 0) {
            result.erased.add(new ErasureItemDTO("CONTACT_MECHANISM", mechanisms, List.of("deleted"), null));
        }
        if (consents > 0) {
            result.erased.add(new ErasureItemDTO("CONSENT", consents, List.of("deleted"), null));
        }
        List<ActivityEntity> activities = activitiesOf(em, party.id);
        List<String> alone = new ArrayList<>();
        long shared = 0;
        for (ActivityEntity activity : activities) {
            if (activity.participants.size() == 1) {
                activity.subject = ERASED_SUBJECT;
                activity.description = null;
                activity.updatedAt = now;
                alone.add(Ids.format(activity.id));
            } else {
                shared++;
            }
        }
        if (!alone.isEmpty()) {
            result.erased.add(new ErasureItemDTO(EntityTypes.ACTIVITY, alone.size(), List.of("subject", "description"), null));
        }
        if (shared > 0) {
            result.kept.add(new ErasureItemDTO(EntityTypes.ACTIVITY, shared, List.of(),
                    "shared with other parties: their history; the erased party stays a participant under its anonymized name"));
        }
        em.flush();
        Connection connection = em.unwrap(Connection.class);
        AuditMasking.mask(connection, EntityTypes.PARTY, List.of(id));
        AuditMasking.mask(connection, EntityTypes.ACTIVITY, alone);
        return result;
    }

    private static List<ActivityEntity> activitiesOf(EntityManager em, long party) {
        return em.createQuery("SELECT a FROM ActivityEntity a JOIN a.participants p WHERE p = :id ORDER BY a.id", ActivityEntity.class)
                .setParameter("id", party).getResultList();
    }

    private static Map<String, Object> auditSummary(EntityManager em, long party) {
        Object[] row = em.createQuery("SELECT COUNT(r), MIN(r.occurredAt), MAX(r.occurredAt) FROM AuditRecordEntity r"
                + " WHERE r.entityType = :type AND r.entityId = :id", Object[].class).setParameter("type", EntityTypes.PARTY)
                .setParameter("id", Ids.format(party)).getSingleResult();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("entries", row[0]);
        summary.put("first", row[1]);
        summary.put("last", row[2]);
        summary.put("read", "GET /v1/audit?entityType=PARTY&entityId=" + Ids.format(party));
        return summary;
    }
}
