package org.tessera.crm.core.impl.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;

import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.impl.audit.AuditBatch;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.customfield.CustomValueStore;
import org.tessera.crm.core.impl.duplicate.DuplicateMatch;
import org.tessera.crm.core.impl.duplicate.DuplicateSession;
import org.tessera.crm.core.impl.db.CustomPlans;
import org.tessera.crm.core.impl.db.IdBlocks;
import org.tessera.crm.core.impl.entity.PartyEntity;
import org.tessera.crm.core.impl.party.PartyCandidates;
import org.tessera.crm.core.impl.party.PartyMapper;
import org.tessera.crm.core.impl.party.PartyReader;
import org.tessera.crm.core.impl.support.JpaLookups;
import org.tessera.crm.core.impl.sync.FieldMetaStore;
import org.tessera.crm.core.impl.sync.FieldStamp;
import org.tessera.crm.core.impl.sync.PartyFields;
import org.tessera.crm.core.impl.validation.Candidate;

/**
 * One transaction of an import. The database is asked in bulk: one pass finds the stored parties
 * holding any of the chunk's external ids, one set of JDBC queries reads them, and new parties go in
 * as one JDBC batch per table; updates of stored parties go through JPA, as any other update does,
 * their entities loaded in one query once the rows are checked.
 * Each row is then built as the party service builds a write ({@link PartyCandidates}, with the
 * lookups cached for the chunk), against the stored party it names if any, and checked by the
 * registered validators. Every create and update is audited in the same transaction, its records
 * written in one batch.
 */
final class PartyImportChunk {
    private final EntityManager em;
    private final ValidationService validation;
    private final Security security;
    private final LocalDate today;
    private final Instant now;
    private final ImportDuplicates duplicates;
    /** The source system of the import, which dates the fields the rows change. */
    private final String source;

    /** The caller's perimeter and the audit trail, as the party service uses them. */
    record Security(CallerContext callers, RecordScope scope, AuditTrail audit) {
    }

    PartyImportChunk(EntityManager em, ValidationService validation, Security security, LocalDate today, Instant now,
            ImportDuplicates duplicates, String source) {
        this.duplicates = duplicates;
        this.source = source;
        this.em = em;
        this.validation = validation;
        this.security = security;
        this.today = today;
        this.now = now;
    }

    List<Outcome> run(List<ImportRow<PartyDTO>> rows) throws SQLException {
        Connection connection = em.unwrap(Connection.class);
        PartyCandidates.Writer writer = PartyCandidates.Writer.of(security.callers(), security.scope());
        PartyCandidates candidates = new PartyCandidates(new CachingLookups(new JpaLookups(em)), today,
                new CustomValueStore(em).definitions(EntityTypes.PARTY), writer);
        StoredRecords<PartyEntity, PartyDTO> stored = readStored(connection, rows);
        RowMatches<PartyDTO> matches = new RowMatches<>(stored.holders());
        Optional<DuplicateSession> session = duplicates.session(em);
        List<PartyDTO> newParties = newParties(rows, stored.holders());
        session.ifPresent(s -> s.prefetch(newParties));
        Writes writes = new Writes(connection, stored, matches, candidates.sensitiveFields().masked(), session);
        writes.reserveIds(newParties);
        Outcome[] outcomes = new Outcome[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ImportRow<PartyDTO> row = rows.get(i);
            if (!row.errors.isEmpty()) {
                outcomes[i] = Outcome.rejected(row.line, row.errors);
                continue;
            }
            RowMatches.Match<PartyDTO> match = matches.match(row.value.externalIds);
            PartyDTO previous = stored.dto(match.storedId());
            Candidate<PartyDTO> candidate = candidates.imported(row.value, previous);
            if (!candidate.isValid()) {
                outcomes[i] = Outcome.rejected(row.line, candidate.errors());
            } else if (match.conflict()) {
                outcomes[i] = conflict(row.line, "these external ids belong to different parties");
            } else if (previous != null && !writer.admits(previous.orgUnitId)) {
                outcomes[i] = conflict(row.line, "a party outside your perimeter has this external id");
            } else {
                outcomes[i] = checkedWrite(writes, session, i, row.line, candidate.value(), previous, match.earlier());
            }
        }
        writes.finish(outcomes);
        return List.of(outcomes);
    }

    /**
     * The readable rows whose external ids no stored party holds: the parties the chunk will create,
     * whose duplicate check is then asked of the database once for them all. A re-import of stored
     * parties asks nothing.
     */
    private static List<PartyDTO> newParties(List<ImportRow<PartyDTO>> rows, Map<String, Long> storedHolders) {
        return rows.stream().filter(row -> row.errors.isEmpty())
                .filter(row -> ExternalIdIndex.lookupKeys(row.value.externalIds).stream().noneMatch(storedHolders::containsKey))
                .map(row -> row.value).toList();
    }

    /** Writes the row unless the duplicate rules refuse it; notes the candidates either way. */
    private Outcome checkedWrite(Writes writes, Optional<DuplicateSession> session, int row, long line, PartyDTO candidate,
            PartyDTO previous, PartyDTO earlier) throws SQLException {
        if (previous != null) {
            // a row that changes nothing writes nothing and cannot make a new duplicate: the
            // re-import of unchanged rows asks the matching keys nothing
            PartyStates.adopt(candidate, previous);
            if (PartyStates.sameState(candidate, previous)) {
                return Outcome.unchanged(line, previous.id);
            }
        }
        PartyDTO before = previous != null ? previous : earlier;
        List<DuplicateMatch> found = session.map(s -> s.findNew(candidate, before, ImportDuplicates.selfId(previous, earlier))).orElse(List.of());
        Optional<List<FieldError>> refusal = duplicates.refusal(line, found);
        if (refusal.isPresent()) {
            return Outcome.rejected(line, refusal.get());
        }
        Outcome outcome = writes.write(row, line, candidate, previous, earlier);
        if (outcome.kind() != Outcome.Kind.REJECTED) {
            duplicates.written(line, outcome.recordId(), found);
        }
        if (outcome.kind() == Outcome.Kind.CREATED) {
            session.ifPresent(s -> s.pending(candidate));
        }
        return outcome;
    }

    private static Outcome conflict(long line, String message) {
        return Outcome.rejected(line, List.of(new FieldError("externalIds", "conflict", message)));
    }

    /**
     * The stored parties holding the external ids of the readable rows, as DTOs read with JDBC: a
     * re-import of unchanged rows only compares them. The entities of the parties a row changes are
     * loaded when the chunk writes ({@link Writes#finish}).
     */
    private StoredRecords<PartyEntity, PartyDTO> readStored(Connection connection, List<ImportRow<PartyDTO>> rows)
            throws SQLException {
        Set<String> keys = new LinkedHashSet<>();
        rows.stream().filter(row -> row.errors.isEmpty())
                .forEach(row -> keys.addAll(ExternalIdIndex.lookupKeys(row.value.externalIds)));
        Map<String, Long> holders = ExternalIdIndex.PARTIES.holders(connection, keys);
        // planned with the chunk's ids: a generic plan made while the tables were small reads them whole
        Map<Long, PartyDTO> dtos = CustomPlans.during(connection,
                () -> new PartyReader(em).readWithoutEntities(connection, new LinkedHashSet<>(holders.values())));
        return new StoredRecords<>(holders, new HashMap<>(), dtos);
    }

    /**
     * What the chunk writes: updates of stored parties through JPA, new parties in JDBC batches at
     * the end, and the audit records of both.
     */
    private final class Writes {
        private final StoredRecords<PartyEntity, PartyDTO> stored;
        private final RowMatches<PartyDTO> matches;
        private final Connection connection;
        private final Set<String> masked;
        private final IdBlocks ids;
        private final AuditBatch audit = security.audit().batch();
        private final CustomValueStore customValues = new CustomValueStore(em);
        private final PendingInserts<PartyDTO> inserts = new PendingInserts<>();
        /** The new state of each stored party a row changed (the last row's, when several rows change one party). */
        private final Map<Long, PartyDTO> updates = new LinkedHashMap<>();
        /** The version each changed party had when the chunk read it. */
        private final Map<Long, Long> readVersions = new HashMap<>();
        /** Rows that updated a stored party: audited once the flush has given them their new version. */
        private final List<Integer> updatedRows = new ArrayList<>();
        /** The fields each row changed, by stored party (a created party's fields are dated by its creation). */
        private final Map<Long, Map<String, FieldStamp>> changedFields = new LinkedHashMap<>();

        private final Optional<DuplicateSession> duplicateKeys;

        Writes(Connection connection, StoredRecords<PartyEntity, PartyDTO> stored, RowMatches<PartyDTO> matches,
                Set<String> masked, Optional<DuplicateSession> duplicateKeys) throws SQLException {
            this.duplicateKeys = duplicateKeys;
            this.stored = stored;
            this.matches = matches;
            this.connection = connection;
            this.masked = masked;
            this.ids = new IdBlocks(connection);
        }

        /** The ids the chunk's new parties and their contact mechanisms will take, in two round trips. */
        void reserveIds(List<PartyDTO> newParties) throws SQLException {
            ids.reserve(PartyRowWriter.PARTY_SEQUENCE, newParties.size());
            int mechanisms = newParties.stream().mapToInt(p -> p.contactMechanisms == null ? 0 : p.contactMechanisms.size()).sum();
            ids.reserve(PartyRowWriter.MECHANISM_SEQUENCE, mechanisms);
        }

        /** Writes a valid candidate over {@code previous} (stored), over {@code earlier} (created by this chunk), or anew. */
        Outcome write(int row, long line, PartyDTO candidate, PartyDTO previous, PartyDTO earlier) throws SQLException {
            try {
                if (previous != null) {
                    return update(row, line, candidate, previous);
                }
                return earlier != null ? replace(line, candidate, earlier) : create(line, candidate);
            } catch (ValidationException e) {
                return Outcome.rejected(line, e.errors());
            }
        }

        private Outcome update(int row, long line, PartyDTO candidate, PartyDTO previous) {
            PartyStates.adopt(candidate, previous);
            if (PartyStates.sameState(candidate, previous)) {
                return Outcome.unchanged(line, previous.id);
            }
            validation.validate(EntityTypes.PARTY, candidate, previous);
            Long id = Long.valueOf(previous.id);
            // the version read first: the entity, loaded at the end, must still be the party compared
            readVersions.putIfAbsent(id, Long.valueOf(previous.version));
            updates.put(id, candidate);
            changedFields.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(stamps(PartyFields.changed(previous, candidate)));
            stored.dtos().put(id, candidate);
            matches.updated(id, candidate.externalIds);
            updatedRows.add(row);
            return Outcome.updated(line, previous.id, previous, candidate, 0);
        }

        /** An earlier line of this chunk created the party: this line replaces it before it is written. */
        private Outcome replace(long line, PartyDTO candidate, PartyDTO earlier) throws SQLException {
            PartyStates.adopt(candidate, earlier);
            if (PartyStates.sameState(candidate, earlier)) {
                return Outcome.unchanged(line, earlier.id);
            }
            validation.validate(EntityTypes.PARTY, candidate, earlier);
            assignMechanismIds(candidate);
            candidate.version = 1;
            audit.add(EntityTypes.PARTY, candidate.id, AuditAction.UPDATE, earlier, candidate, masked);
            inserts.replace(earlier, candidate);
            matches.created(candidate, candidate.externalIds);
            return Outcome.updated(line, candidate.id, null, null, 0);
        }

        private Outcome create(long line, PartyDTO candidate) throws SQLException {
            validation.validate(EntityTypes.PARTY, candidate, null);
            candidate.id = String.valueOf(ids.next(PartyRowWriter.PARTY_SEQUENCE));
            assignMechanismIds(candidate);
            candidate.version = 1;
            audit.add(EntityTypes.PARTY, candidate.id, AuditAction.CREATE, null, candidate, masked);
            inserts.add(candidate);
            matches.created(candidate, candidate.externalIds);
            return Outcome.created(line, candidate.id);
        }

        private void assignMechanismIds(PartyDTO candidate) throws SQLException {
            for (ContactMechanismDTO m : candidate.contactMechanisms) {
                if (m.id == null) {
                    m.id = String.valueOf(ids.next(PartyRowWriter.MECHANISM_SEQUENCE));
                }
            }
        }

        private Map<String, FieldStamp> stamps(List<String> fields) {
            FieldStamp stamp = new FieldStamp(now, source);
            Map<String, FieldStamp> stamps = new LinkedHashMap<>();
            fields.forEach(field -> stamps.put(field, stamp));
            return stamps;
        }

        /**
         * Loads the entities of the changed parties in one query and applies their new state. A party
         * changed by another transaction since the chunk read it fails the chunk, as the flush of an
         * entity read at its start would have.
         */
        private void applyUpdates() {
            if (updates.isEmpty()) {
                return;
            }
            em.createQuery("SELECT p FROM PartyEntity p WHERE p.id IN :ids", PartyEntity.class)
                    .setParameter("ids", new ArrayList<>(updates.keySet())).getResultList()
                    .forEach(e -> stored.entities().put(e.id, e));
            for (Map.Entry<Long, PartyDTO> update : updates.entrySet()) {
                PartyEntity entity = stored.entities().get(update.getKey());
                if (entity == null || entity.version != readVersions.get(update.getKey()).longValue()) {
                    throw new OptimisticLockException("party " + update.getKey() + " changed while the import read it");
                }
                PartyMapper.apply(update.getValue(), entity);
                entity.updatedAt = now;
                customValues.replace(EntityTypes.PARTY, entity.id, update.getValue().customFields);
            }
        }

        /** Inserts the new parties, flushes the updates, dates the fields written, and audits them with their state after the flush. */
        void finish(Outcome[] outcomes) throws SQLException {
            new PartyRowWriter(connection).insert(inserts.list(), now, source);
            applyUpdates();
            em.flush();
            new FieldMetaStore(connection).write(changedFields);
            Map<Long, PartyDTO> after = new LinkedHashMap<>();
            if (!updatedRows.isEmpty()) {
                new PartyReader(em).toDtos(updatedRows.stream().map(i -> stored.entities().get(Long.valueOf(outcomes[i].recordId())))
                        .distinct().toList()).forEach(d -> after.put(Long.valueOf(d.id), d));
                for (int i : updatedRows) {
                    Outcome o = outcomes[i];
                    PartyDTO afterUpdate = after.get(Long.valueOf(o.recordId()));
                    audit.add(EntityTypes.PARTY, o.recordId(), AuditAction.UPDATE, o.before(), afterUpdate, masked);
                    outcomes[i] = Outcome.updated(o.line(), o.recordId(), o.before(), afterUpdate, afterUpdate.version);
                }
            }
            audit.write(connection, ids);
            duplicateKeys.ifPresent(session -> {
                session.keepNew(inserts.list());
                session.keep(after.values());
            });
        }
    }
}
