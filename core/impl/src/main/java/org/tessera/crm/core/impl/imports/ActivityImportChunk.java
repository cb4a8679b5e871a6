package org.tessera.crm.core.impl.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.imports.ExternalIdRef;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.ImportedActivityDTO;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.impl.activity.ActivityMapper;
import org.tessera.crm.core.impl.activity.ActivityRules;
import org.tessera.crm.core.impl.audit.AuditBatch;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.db.IdBlocks;
import org.tessera.crm.core.impl.customfield.CustomValueNormalizer;
import org.tessera.crm.core.impl.customfield.CustomValueStore;
import org.tessera.crm.core.impl.entity.ActivityEntity;
import org.tessera.crm.core.impl.security.ScopedUnits;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.impl.support.JpaLookups;

/**
 * One transaction of an activity import, built as {@link PartyImportChunk}: rows are checked one
 * by one (core rules, custom fields, then the registered validators) but the database is asked in
 * bulk: the activities and parties named by external id, the stored activities matched and every
 * party named (does it exist, in which org unit) are each read once per chunk, and new activities
 * go in as one JDBC batch per table. As in the activity service, a restricted caller names only
 * parties of their scope and cannot reach a stored activity outside it; every create and update
 * is audited in the same transaction.
 */
final class ActivityImportChunk {
    /** Ids per IN list: well under every database's limit on bind parameters. */
    private static final int IN_LIST = 500;
    private static final String OUT_OF_SCOPE = "must name parties of your perimeter only, at least one";

    private final EntityManager em;
    private final ValidationService validation;
    private final RecordScope scope;
    private final AuditTrail audit;
    private final Instant now;

    ActivityImportChunk(EntityManager em, ValidationService validation, RecordScope scope, AuditTrail audit, Instant now) {
        this.em = em;
        this.validation = validation;
        this.scope = scope;
        this.audit = audit;
        this.now = now;
    }

    List<Outcome> run(List<ImportRow<ImportedActivityDTO>> rows) throws SQLException {
        Connection connection = em.unwrap(Connection.class);
        Optional<Set<Long>> visible = ScopedUnits.of(scope);
        CachingLookups lookups = new CachingLookups(new JpaLookups(em));
        ActivityRules rules = new ActivityRules(lookups);
        CustomValueNormalizer normalizer = new CustomValueNormalizer(
                new CustomValueStore(em).definitions(EntityTypes.ACTIVITY), lookups);

        Outcome[] outcomes = new Outcome[rows.size()];
        ActivityDTO[] candidates = new ActivityDTO[rows.size()];
        Set<String> activityKeys = new LinkedHashSet<>();
        Set<String> partyKeys = new LinkedHashSet<>();
        Set<Long> partyIds = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow<ImportedActivityDTO> row = rows.get(i);
            if (!row.errors.isEmpty()) {
                outcomes[i] = Outcome.rejected(row.line, row.errors);
                continue;
            }
            candidates[i] = ActivityMapper.writableCopy(row.value);
            activityKeys.addAll(ExternalIdIndex.keys(candidates[i].externalIds));
            for (ExternalIdRef ref : refs(row.value)) {
                if (ref != null) {
                    partyKeys.add(ExternalIdIndex.key(ref.source, ref.id));
                }
            }
            candidates[i].participants.forEach(id -> Ids.parse(id).ifPresent(partyIds::add));
        }

        Map<String, Long> partyHolders = ExternalIdIndex.PARTIES.holders(connection, partyKeys);
        Map<String, Long> activityHolders = ExternalIdIndex.ACTIVITIES.holders(connection, activityKeys);
        Map<Long, ActivityEntity> entities = new HashMap<>();
        Map<Long, ActivityDTO> stored = new HashMap<>();
        for (List<Long> ids : slices(new LinkedHashSet<>(activityHolders.values()))) {
            em.createQuery("SELECT a FROM ActivityEntity a WHERE a.id IN :ids", ActivityEntity.class)
                    .setParameter("ids", ids).getResultList().forEach(e -> entities.put(e.id, e));
        }
        ActivityMapper.toDtos(em, new ArrayList<>(entities.values())).forEach(d -> stored.put(Long.valueOf(d.id), d));
        partyIds.addAll(partyHolders.values());
        stored.values().forEach(a -> a.participants.forEach(id -> partyIds.add(Long.valueOf(id))));
        Map<Long, Long> partyUnits = partyUnits(partyIds);
        partyIds.forEach(id -> lookups.remember(EntityTypes.PARTY, id, partyUnits.containsKey(id)));
        PartyScope partyScope = new PartyScope(visible, partyUnits);

        IdBlocks ids = new IdBlocks(connection);
        AuditBatch batch = audit.batch();
        CustomValueStore customValues = new CustomValueStore(em);
        Map<String, ActivityDTO> createdHere = new HashMap<>();
        Map<ActivityDTO, Integer> insertIndex = new IdentityHashMap<>();
        List<ActivityDTO> inserts = new ArrayList<>();
        List<Integer> updatedRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ActivityDTO candidate = candidates[i];
            if (candidate == null) {
                continue;
            }
            long line = rows.get(i).line;
            FieldErrors errors = new FieldErrors();
            resolveParticipants(candidate, refs(rows.get(i).value), partyHolders, errors);
            errors.addAll(rules.check(candidate).list());
            if (!partyScope.allVisible(candidate.participants)) {
                errors.invalid("participants", OUT_OF_SCOPE);
            }
            if (candidate.externalIds.isEmpty()) {
                errors.add(new FieldError("externalIds", "required",
                        "an imported activity needs an external id, to be found again by the next import"));
            }
            candidate.customFields = normalizer.normalize(candidate.customFields, false, errors);
            if (!errors.isEmpty()) {
                outcomes[i] = Outcome.rejected(line, errors.list());
                continue;
            }

            Set<Long> storedMatches = new LinkedHashSet<>();
            Set<ActivityDTO> newMatches = Collections.newSetFromMap(new IdentityHashMap<>());
            for (String key : ExternalIdIndex.keys(candidate.externalIds)) {
                Long holder = activityHolders.get(key);
                if (holder != null) {
                    storedMatches.add(holder);
                }
                ActivityDTO earlier = createdHere.get(key);
                if (earlier != null) {
                    newMatches.add(earlier);
                }
            }
            if (storedMatches.size() + newMatches.size() > 1) {
                outcomes[i] = Outcome.rejected(line, List.of(new FieldError("externalIds", "conflict",
                        "these external ids belong to different activities")));
                continue;
            }
            try {
                if (!storedMatches.isEmpty()) {
                    Long id = storedMatches.iterator().next();
                    ActivityDTO previous = stored.get(id);
                    if (!partyScope.anyVisible(previous.participants)) {
                        outcomes[i] = Outcome.rejected(line, List.of(new FieldError("externalIds", "conflict",
                                "an activity outside your perimeter has this external id")));
                        continue;
                    }
                    ActivityStates.adopt(candidate, previous);
                    if (ActivityStates.sameState(candidate, previous)) {
                        outcomes[i] = Outcome.unchanged(line, previous.id);
                        continue;
                    }
                    validation.validate(EntityTypes.ACTIVITY, candidate, previous);
                    ActivityEntity entity = entities.get(id);
                    ActivityMapper.apply(candidate, entity);
                    entity.updatedAt = now;
                    customValues.replace(EntityTypes.ACTIVITY, entity.id, candidate.customFields);
                    stored.put(id, candidate);
                    for (String key : ExternalIdIndex.keys(candidate.externalIds)) {
                        activityHolders.put(key, id);
                    }
                    outcomes[i] = Outcome.updated(line, previous.id, previous, candidate, 0);
                    updatedRows.add(i);
                } else if (!newMatches.isEmpty()) {
                    // an earlier line of this chunk created the activity: this line replaces it before it is written
                    ActivityDTO earlier = newMatches.iterator().next();
                    ActivityStates.adopt(candidate, earlier);
                    if (ActivityStates.sameState(candidate, earlier)) {
                        outcomes[i] = Outcome.unchanged(line, earlier.id);
                        continue;
                    }
                    validation.validate(EntityTypes.ACTIVITY, candidate, earlier);
                    candidate.version = 1;
                    batch.add(EntityTypes.ACTIVITY, candidate.id, AuditAction.UPDATE, earlier, candidate, Set.of());
                    int index = insertIndex.remove(earlier);
                    inserts.set(index, candidate);
                    insertIndex.put(candidate, index);
                    ExternalIdIndex.keys(candidate.externalIds).forEach(key -> createdHere.put(key, candidate));
                    outcomes[i] = Outcome.updated(line, candidate.id, null, null, 0);
                } else {
                    validation.validate(EntityTypes.ACTIVITY, candidate, null);
                    candidate.id = String.valueOf(ids.next(ActivityRowWriter.ACTIVITY_SEQUENCE));
                    candidate.version = 1;
                    batch.add(EntityTypes.ACTIVITY, candidate.id, AuditAction.CREATE, null, candidate, Set.of());
                    insertIndex.put(candidate, inserts.size());
                    inserts.add(candidate);
                    ExternalIdIndex.keys(candidate.externalIds).forEach(key -> createdHere.put(key, candidate));
                    outcomes[i] = Outcome.created(line, candidate.id);
                }
            } catch (ValidationException e) {
                outcomes[i] = Outcome.rejected(line, e.errors());
            }
        }
        new ActivityRowWriter(connection).insert(inserts, now);
        em.flush();
        if (!updatedRows.isEmpty()) {
            Map<Long, ActivityDTO> after = new LinkedHashMap<>();
            ActivityMapper.toDtos(em, updatedRows.stream().map(i -> entities.get(Long.valueOf(outcomes[i].recordId())))
                    .distinct().toList()).forEach(d -> after.put(Long.valueOf(d.id), d));
            for (int i : updatedRows) {
                Outcome o = outcomes[i];
                ActivityDTO afterUpdate = after.get(Long.valueOf(o.recordId()));
                batch.add(EntityTypes.ACTIVITY, o.recordId(), AuditAction.UPDATE, o.before(), afterUpdate, Set.of());
                outcomes[i] = Outcome.updated(o.line(), o.recordId(), o.before(), afterUpdate, afterUpdate.version);
            }
        }
        batch.write(connection, ids);
        return List.of(outcomes);
    }

    private static List<ExternalIdRef> refs(ImportedActivityDTO row) {
        return row.participantExternalIds == null ? List.of() : row.participantExternalIds;
    }

    /** Adds the parties named by external id to the participants, once each; names the refs that match none. */
    private static void resolveParticipants(ActivityDTO candidate, List<ExternalIdRef> refs, Map<String, Long> holders,
            FieldErrors errors) {
        for (int j = 0; j < refs.size(); j++) {
            ExternalIdRef ref = refs.get(j);
            String field = "participantExternalIds[" + j + "]";
            if (ref == null || ref.source == null || ref.source.isBlank() || ref.id == null || ref.id.isBlank()) {
                errors.invalid(field, "needs a source and an id");
                continue;
            }
            Long party = holders.get(ExternalIdIndex.key(ref.source, ref.id));
            if (party == null) {
                errors.invalid(field, "no party has " + ref.source + " id " + ref.id);
            } else if (!candidate.participants.contains(String.valueOf(party))) {
                candidate.participants.add(String.valueOf(party));
            }
        }
    }

    /** The org unit of each existing party among {@code ids} (a party without one maps to {@code null}). */
    private Map<Long, Long> partyUnits(Set<Long> ids) {
        Map<Long, Long> units = new HashMap<>();
        for (List<Long> slice : slices(ids)) {
            for (Object[] row : em.createQuery("SELECT p.id, p.orgUnitId FROM PartyEntity p WHERE p.id IN :ids",
                    Object[].class).setParameter("ids", slice).getResultList()) {
                units.put((Long) row[0], (Long) row[1]);
            }
        }
        return units;
    }

    private static List<List<Long>> slices(Set<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<List<Long>> slices = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST) {
            slices.add(all.subList(from, Math.min(all.size(), from + IN_LIST)));
        }
        return slices;
    }

    /** The activity service's scope rules, answered from the parties read for the whole chunk. */
    private record PartyScope(Optional<Set<Long>> visible, Map<Long, Long> units) {
        /** A restricted caller names parties of their scope only, and at least one. */
        boolean allVisible(List<String> participants) {
            return visible.isEmpty() || !participants.isEmpty() && participants.stream().allMatch(this::isVisible);
        }

        /** A stored activity is in scope when one of its participants is. */
        boolean anyVisible(List<String> participants) {
            return visible.isEmpty() || participants.stream().anyMatch(this::isVisible);
        }

        private boolean isVisible(String party) {
            Long unit = Ids.parse(party).map(units::get).orElse(null);
            return unit != null && visible.get().contains(unit);
        }
    }
}
