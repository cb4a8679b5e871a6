package org.tessera.crm.core.impl.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.tessera.crm.core.impl.activity.ActivityCandidates;
import org.tessera.crm.core.impl.activity.ActivityMapper;
import org.tessera.crm.core.impl.audit.AuditBatch;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.customfield.CustomValueStore;
import org.tessera.crm.core.impl.db.IdBlocks;
import org.tessera.crm.core.impl.entity.ActivityEntity;
import org.tessera.crm.core.impl.security.ScopedUnits;
import org.tessera.crm.core.impl.support.JpaLookups;
import org.tessera.crm.core.impl.validation.Candidate;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;

/**
 * One transaction of an activity import, built as {@link PartyImportChunk}: the database is asked
 * in bulk — the activities and parties named by external id, the stored activities matched and
 * every party named (does it exist, in which org unit) are each read once per chunk, and new
 * activities go in as one JDBC batch per table. Each row, its parties named by external id
 * resolved, is then built as the activity service builds a write ({@link ActivityCandidates}, its
 * lookups and perimeter answered from what the chunk read), and checked by the registered
 * validators. A restricted caller cannot reach a stored activity outside their perimeter; every
 * create and update is audited in the same transaction.
 */
final class ActivityImportChunk {
    /** Ids per IN list: well under every database's limit on bind parameters. */
    private static final int IN_LIST = 500;

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
        CachingLookups lookups = new CachingLookups(new JpaLookups(em));
        Read read = read(connection, rows, lookups);
        ActivityCandidates candidates = new ActivityCandidates(lookups,
                new CustomValueStore(em).definitions(EntityTypes.ACTIVITY), read.parties()::allVisible);
        RowMatches<ActivityDTO> matches = new RowMatches<>(read.stored().holders());
        Writes writes = new Writes(connection, read.stored(), matches);
        Outcome[] outcomes = new Outcome[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ImportRow<ImportedActivityDTO> row = rows.get(i);
            if (!row.errors.isEmpty()) {
                outcomes[i] = Outcome.rejected(row.line, row.errors);
                continue;
            }
            RowMatches.Match<ActivityDTO> match = matches.match(row.value.externalIds);
            ActivityDTO previous = read.stored().dto(match.storedId());
            FieldErrors errors = new FieldErrors();
            ActivityDTO named = withParticipantsNamedByExternalId(row.value, read.partyHolders(), errors);
            Candidate<ActivityDTO> candidate = candidates.imported(named, previous);
            errors.addAll(candidate.errors());
            if (!errors.isEmpty()) {
                outcomes[i] = Outcome.rejected(row.line, errors.list());
            } else if (match.conflict()) {
                outcomes[i] = conflict(row.line, "these external ids belong to different activities");
            } else if (previous != null && !read.parties().anyVisible(previous.participants)) {
                outcomes[i] = conflict(row.line, "an activity outside your perimeter has this external id");
            } else {
                outcomes[i] = writes.write(i, row.line, candidate.value(), previous, match.earlier());
            }
        }
        writes.finish(outcomes);
        return List.of(outcomes);
    }

    private static Outcome conflict(long line, String message) {
        return Outcome.rejected(line, List.of(new FieldError("externalIds", "conflict", message)));
    }

    /** What a chunk reads before its rows: the stored activities, the parties named by external id, and every party's org unit. */
    private record Read(StoredRecords<ActivityEntity, ActivityDTO> stored, Map<String, Long> partyHolders, PartyScope parties) {
    }

    /**
     * Reads, for the readable rows, the stored activities holding their external ids, the parties
     * they name by external id, and the org unit of every party named or taking part in a stored
     * activity; {@code lookups} then answers whether those parties exist without asking again.
     */
    private Read read(Connection connection, List<ImportRow<ImportedActivityDTO>> rows, CachingLookups lookups)
            throws SQLException {
        Set<String> activityKeys = new LinkedHashSet<>();
        Set<String> partyKeys = new LinkedHashSet<>();
        Set<Long> partyIds = new LinkedHashSet<>();
        for (ImportRow<ImportedActivityDTO> row : rows) {
            if (!row.errors.isEmpty()) {
                continue;
            }
            activityKeys.addAll(ExternalIdIndex.lookupKeys(row.value.externalIds));
            for (ExternalIdRef ref : refs(row.value)) {
                if (ref != null) {
                    partyKeys.add(ExternalIdIndex.key(ref.source, ref.id));
                }
            }
            if (row.value.participants != null) {
                row.value.participants.forEach(id -> Ids.parse(id).ifPresent(partyIds::add));
            }
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
        return new Read(new StoredRecords<>(activityHolders, entities, stored), partyHolders,
                new PartyScope(ScopedUnits.of(scope), partyUnits));
    }

    private static List<ExternalIdRef> refs(ImportedActivityDTO row) {
        return row.participantExternalIds == null ? List.of() : row.participantExternalIds;
    }

    /**
     * A writable copy of the row, the parties it names by external id added to its participants,
     * once each; names the refs that match none.
     */
    private static ActivityDTO withParticipantsNamedByExternalId(ImportedActivityDTO row, Map<String, Long> holders,
            FieldErrors errors) {
        ActivityDTO named = ActivityMapper.writableCopy(row);
        List<ExternalIdRef> refs = refs(row);
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
            } else if (!named.participants.contains(String.valueOf(party))) {
                named.participants.add(String.valueOf(party));
            }
        }
        return named;
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

    /**
     * What the chunk writes: updates of stored activities through JPA, new activities in JDBC
     * batches at the end, and the audit records of both.
     */
    private final class Writes {
        private final StoredRecords<ActivityEntity, ActivityDTO> stored;
        private final RowMatches<ActivityDTO> matches;
        private final Connection connection;
        private final IdBlocks ids;
        private final AuditBatch batch = audit.batch();
        private final CustomValueStore customValues = new CustomValueStore(em);
        private final PendingInserts<ActivityDTO> inserts = new PendingInserts<>();
        /** Rows that updated a stored activity: audited once the flush has given them their new version. */
        private final List<Integer> updatedRows = new ArrayList<>();

        Writes(Connection connection, StoredRecords<ActivityEntity, ActivityDTO> stored, RowMatches<ActivityDTO> matches)
                throws SQLException {
            this.stored = stored;
            this.matches = matches;
            this.connection = connection;
            this.ids = new IdBlocks(connection);
        }

        /** Writes a valid candidate over {@code previous} (stored), over {@code earlier} (created by this chunk), or anew. */
        Outcome write(int row, long line, ActivityDTO candidate, ActivityDTO previous, ActivityDTO earlier)
                throws SQLException {
            try {
                if (previous != null) {
                    return update(row, line, candidate, previous);
                }
                return earlier != null ? replace(line, candidate, earlier) : create(line, candidate);
            } catch (ValidationException e) {
                return Outcome.rejected(line, e.errors());
            }
        }

        private Outcome update(int row, long line, ActivityDTO candidate, ActivityDTO previous) {
            ActivityStates.adopt(candidate, previous);
            if (ActivityStates.sameState(candidate, previous)) {
                return Outcome.unchanged(line, previous.id);
            }
            validation.validate(EntityTypes.ACTIVITY, candidate, previous);
            Long id = Long.valueOf(previous.id);
            ActivityEntity entity = stored.entities().get(id);
            ActivityMapper.apply(candidate, entity);
            entity.updatedAt = now;
            customValues.replace(EntityTypes.ACTIVITY, entity.id, candidate.customFields);
            stored.dtos().put(id, candidate);
            matches.updated(id, candidate.externalIds);
            updatedRows.add(row);
            return Outcome.updated(line, previous.id, previous, candidate, 0);
        }

        /** An earlier line of this chunk created the activity: this line replaces it before it is written. */
        private Outcome replace(long line, ActivityDTO candidate, ActivityDTO earlier) {
            ActivityStates.adopt(candidate, earlier);
            if (ActivityStates.sameState(candidate, earlier)) {
                return Outcome.unchanged(line, earlier.id);
            }
            validation.validate(EntityTypes.ACTIVITY, candidate, earlier);
            candidate.version = 1;
            batch.add(EntityTypes.ACTIVITY, candidate.id, AuditAction.UPDATE, earlier, candidate, Set.of());
            inserts.replace(earlier, candidate);
            matches.created(candidate, candidate.externalIds);
            return Outcome.updated(line, candidate.id, null, null, 0);
        }

        private Outcome create(long line, ActivityDTO candidate) throws SQLException {
            validation.validate(EntityTypes.ACTIVITY, candidate, null);
            candidate.id = String.valueOf(ids.next(ActivityRowWriter.ACTIVITY_SEQUENCE));
            candidate.version = 1;
            batch.add(EntityTypes.ACTIVITY, candidate.id, AuditAction.CREATE, null, candidate, Set.of());
            inserts.add(candidate);
            matches.created(candidate, candidate.externalIds);
            return Outcome.created(line, candidate.id);
        }

        /** Inserts the new activities, flushes the updates, and audits them with their state after the flush. */
        void finish(Outcome[] outcomes) throws SQLException {
            new ActivityRowWriter(connection).insert(inserts.list(), now);
            em.flush();
            if (!updatedRows.isEmpty()) {
                Map<Long, ActivityDTO> after = new LinkedHashMap<>();
                ActivityMapper.toDtos(em, updatedRows.stream().map(i -> stored.entities().get(Long.valueOf(outcomes[i].recordId())))
                        .distinct().toList()).forEach(d -> after.put(Long.valueOf(d.id), d));
                for (int i : updatedRows) {
                    Outcome o = outcomes[i];
                    ActivityDTO afterUpdate = after.get(Long.valueOf(o.recordId()));
                    batch.add(EntityTypes.ACTIVITY, o.recordId(), AuditAction.UPDATE, o.before(), afterUpdate, Set.of());
                    outcomes[i] = Outcome.updated(o.line(), o.recordId(), o.before(), afterUpdate, afterUpdate.version);
                }
            }
            batch.write(connection, ids);
        }
    }
}
