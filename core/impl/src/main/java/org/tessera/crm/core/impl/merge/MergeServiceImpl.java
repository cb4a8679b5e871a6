package org.tessera.crm.core.impl.merge;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.ForbiddenException;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.audit.FieldChangeDTO;
import org.tessera.crm.core.api.merge.MergeContributor;
import org.tessera.crm.core.api.merge.MergeRefusedException;
import org.tessera.crm.core.api.merge.MergeRequestDTO;
import org.tessera.crm.core.api.merge.MergeResultDTO;
import org.tessera.crm.core.api.merge.MergeService;
import org.tessera.crm.core.api.merge.ModuleMergeDTO;
import org.tessera.crm.core.api.merge.MovedRecordDTO;
import org.tessera.crm.core.api.merge.PartyMerge;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyStatus;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.impl.audit.AuditBatch;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.db.IdBlocks;
import org.tessera.crm.core.impl.duplicate.PartyDuplicates;
import org.tessera.crm.core.impl.entity.PartyEntity;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.party.PartyMapper;
import org.tessera.crm.core.impl.party.PartyReader;
import org.tessera.crm.core.impl.party.SensitivePartyFields;
import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Party merge and undo. One transaction of the core's unit holds everything: the core's JPA
 * changes to the survivor and victims, and, on that transaction's JDBC connection, the core's and
 * every installed module's re-pointing ({@link MergeContributor}), the merge log, the audit trail
 * and the one event. A refusal anywhere rolls all of it back. A dry run is the same work, rolled
 * back at the end, so that it answers exactly what the merge would do.
 */
@Component(service = MergeService.class, configurationPid = MergeServiceImpl.PID)
@Designate(ocd = MergeServiceImpl.Config.class)
public class MergeServiceImpl implements MergeService {
    static final String PID = "org.tessera.crm.merge";
    /** The audit trail's and problems' name of a merge. */
    static final String MERGE = "MERGE";
    private static final Logger LOG = LoggerFactory.getLogger(MergeServiceImpl.class);

    @ObjectClassDefinition(name = "Tessera party merge", description = "Merging duplicate parties")
    public @interface Config {
        @AttributeDefinition(description = "Days during which a merge may be undone")
        int undoWindowDays() default 30;
    }

    private final Tx tx;
    private final CallerContext callers;
    private final RecordScope scope;
    private final AuditTrail audit;
    private final DomainEventPublisher events;
    private final Duration undoWindow;
    private final Map<String, MergeContributor> contributors = new ConcurrentHashMap<>();
    private volatile PartyDuplicates duplicates;
    /** Catch-ups run here, off the thread that binds the contributor. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "tessera-merge-catch-up");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public MergeServiceImpl(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, @Reference(name = "callers") CallerContext callers,
            @Reference(name = "scope") RecordScope scope, @Reference(name = "audit") AuditTrail audit,
            @Reference(name = "events") DomainEventPublisher events, Config config) {
        this.tx = tx;
        this.callers = callers;
        this.scope = scope;
        this.audit = audit;
        this.events = events;
        this.undoWindow = Duration.ofDays(Math.max(0, config.undoWindowDays()));
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** The modules' contributors; one that comes (back) after merges it missed catches up on them. */
    @Reference(name = "contributors", unbind = "removeContributor", cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void addContributor(MergeContributor contributor) {
        contributors.put(contributor.moduleId(), contributor);
        background.submit(() -> catchUpLogged(contributor));
    }

    public void removeContributor(MergeContributor contributor) {
        contributors.remove(contributor.moduleId(), contributor);
    }

    /** Duplicate detection: a victim's matching keys go, the survivor's follow its new state. Unset in tests that build by hand. */
    @Reference(name = "duplicates", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetDuplicates")
    public void setDuplicates(PartyDuplicates duplicates) {
        this.duplicates = duplicates;
    }

    public void unsetDuplicates(PartyDuplicates duplicates) {
        if (this.duplicates == duplicates) {
            this.duplicates = null;
        }
    }

    @Override
    public MergeResultDTO merge(String survivorId, MergeRequestDTO request) {
        MergeRequests.Checked checked = MergeRequests.check(survivorId, request);
        requireVisible(checked.survivor());
        checked.victims().forEach(this::requireVisible);
        if (!callers.permits(CorePermissions.PARTY_SENSITIVE)) {
            request.fields.keySet().stream().filter(SensitivePartyFields.CORE::contains).findFirst().ifPresent(field -> {
                throw new ForbiddenException("fields." + field, "choosing a sensitive field needs " + CorePermissions.PARTY_SENSITIVE);
            });
        }
        List<MergeContributor> taking = sortedContributors();
        if (request.dryRun) {
            try {
                tx.required(em -> {
                    throw new DryRun(execute(em, checked, request, taking, true));
                });
            } catch (RuntimeException e) {
                return DryRun.resultOf(e);
            }
        }
        MergeResultDTO result = tx.required(em -> execute(em, checked, request, taking, false));
        committed(taking);
        return result;
    }

    private MergeResultDTO execute(EntityManager em, MergeRequests.Checked checked, MergeRequestDTO request, List<MergeContributor> taking,
            boolean dryRun) {
        PartyEntity survivor = loadLive(em, checked.survivor());
        List<PartyEntity> victims = checked.victims().stream().map(id -> loadLive(em, id)).toList();
        for (PartyEntity victim : victims) {
            if (!victim.type.equals(survivor.type)) {
                throw new MergeRefusedException(CoreRepointing.MODULE, "party " + victim.id + " is a "
                        + victim.type + " and the survivor " + survivor.id + " a " + survivor.type + ": only parties of one type merge");
            }
        }
        PartyReader reader = new PartyReader(em);
        PartyDTO survivorBefore = reader.toDto(survivor);
        List<PartyDTO> victimsBefore = victims.stream().map(reader::toDto).toList();
        // JPA writes first (the survivor's chosen fields, the victims' status), then the rows move with
        // JDBC; the entities this context holds are then stale and are never written again.
        PartyDTO chosen = reader.toDto(survivor);
        Map<String, String> sources = Survivorship.apply(chosen, victimsBefore, request.fields);
        PartyMapper.apply(chosen, survivor);
        // updatedAt always changes, so the survivor's version moves: a concurrent write to it fails
        survivor.updatedAt = Times.now();
        for (PartyEntity victim : victims) {
            victim.status = PartyStatus.MERGED.name();
            victim.updatedAt = survivor.updatedAt;
        }
        em.flush();
        Connection connection = em.unwrap(Connection.class);
        try {
            MergeLog log = new MergeLog(connection);
            long mergeId = log.nextId();
            PartyMerge merge = new PartyMerge(Ids.format(mergeId), survivorBefore.id, checked.victims());
            log.setMergedInto(victims.stream().map(v -> v.id).toList(), survivor.id);
            List<ModuleMergeDTO> modules = new ArrayList<>();
            modules.add(CoreRepointing.TABLES.merge(connection, merge));
            for (MergeContributor contributor : taking) {
                modules.add(contributed(contributor, () -> contributor.merge(connection, merge)));
            }
            PartyDTO survivorStored = reread(em, survivor.id);
            Optional.ofNullable(duplicates).ifPresent(detection -> {
                var session = detection.session(em);
                victims.forEach(v -> session.forget(v.id));
                session.keep(List.of(survivorStored));
            });

            List<MergeLog.Move> moves = new ArrayList<>();
            sources.forEach((field, source) -> moves.add(new MergeLog.Move(CoreRepointing.MODULE, MergeLog.PARTY_FIELD, field, field, source,
                    survivorStored.id, Survivorship.FIELDS.get(field).text(survivorBefore), Survivorship.FIELDS.get(field).text(survivorStored))));
            for (PartyDTO victim : victimsBefore) {
                moves.add(new MergeLog.Move(CoreRepointing.MODULE, MergeLog.PARTY_STATUS, victim.id, "status", victim.id, survivorStored.id,
                        victim.status.name(), PartyStatus.MERGED.name()));
            }
            modules.forEach(module -> module.moved.forEach(m -> moves.add(new MergeLog.Move(module.module, m.recordType, m.recordId, m.field,
                    m.fromPartyId, m.toPartyId, null, null))));
            Instant now = Times.now();
            String login = callers.currentLogin();
            MergeLog.Entry entry = new MergeLog.Entry(mergeId, survivor.id, checked.victims(), FieldSources.format(sources), now, login, null, null);
            Set<String> taken = new LinkedHashSet<>();
            modules.forEach(m -> taken.add(m.module));
            log.insert(entry, moves, taken);

            SensitivePartyFields sensitive = SensitivePartyFields.of(em);
            audit.record(em, EntityTypes.PARTY, survivorStored.id, AuditAction.UPDATE, survivorBefore, survivorStored, sensitive.masked());
            AuditBatch batch = audit.batch();
            batch.add(MERGE, merge.mergeId(), AuditAction.CREATE, List.of(new FieldChangeDTO("survivorId", null, merge.survivorId()),
                    new FieldChangeDTO("victimIds", null, String.join(",", merge.victimIds()))));
            for (PartyDTO victim : victimsBefore) {
                batch.add(EntityTypes.PARTY, victim.id, AuditAction.UPDATE, List.of(new FieldChangeDTO("status", victim.status.name(),
                        PartyStatus.MERGED.name()), new FieldChangeDTO("mergedInto", null, survivorStored.id)));
            }
            auditMoves(batch, modules, false);
            batch.write(connection, new IdBlocks(connection));

            Map<String, Object> properties = new LinkedHashMap<>(EventProperties.of(EntityTypes.PARTY, survivorStored.id, survivorStored.version));
            properties.put("mergeId", merge.mergeId());
            properties.put("victims", String.join(",", merge.victimIds()));
            events.record(connection, TOPIC_MERGED, properties);

            MergeResultDTO result = new MergeResultDTO();
            result.id = dryRun ? null : merge.mergeId();
            result.dryRun = dryRun;
            result.survivorId = merge.survivorId();
            result.victimIds = merge.victimIds();
            result.fieldSources = sources;
            result.modules = modules;
            result.mergedAt = now;
            result.mergedBy = login;
            result.undoableUntil = now.plus(undoWindow);
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("merge failed: " + e.getMessage(), e);
        }
    }

    @Override
    public MergeResultDTO undo(String mergeId) {
        long id = Ids.parse(mergeId).orElseThrow(() -> new NotFoundException(MERGE, mergeId));
        List<MergeContributor> involved = new ArrayList<>();
        MergeResultDTO result = tx.required(em -> {
            Connection connection = em.unwrap(Connection.class);
            try {
                MergeLog log = new MergeLog(connection);
                MergeLog.Entry entry = log.find(id).orElseThrow(() -> new NotFoundException(MERGE, mergeId));
                requireVisible(Long.toString(entry.survivorId()));
                entry.victimIds().forEach(this::requireVisible);
                if (entry.undoneAt() != null) {
                    throw new MergeRefusedException(CoreRepointing.MODULE, "merge " + mergeId + " was undone already, at " + entry.undoneAt());
                }
                Instant now = Times.now();
                if (now.isAfter(entry.mergedAt().plus(undoWindow))) {
                    throw new MergeRefusedException(CoreRepointing.MODULE, "merge " + mergeId + " is older than the undo window of "
                            + undoWindow.toDays() + " days");
                }
                PartyMerge merge = new PartyMerge(mergeId, Long.toString(entry.survivorId()), entry.victimIds());
                List<MergeLog.Move> moves = log.moves(id);
                Map<String, List<MovedRecordDTO>> byModule = new LinkedHashMap<>();
                for (MergeLog.Move move : moves) {
                    if (!MergeLog.PARTY_FIELD.equals(move.recordType()) && !MergeLog.PARTY_STATUS.equals(move.recordType())) {
                        byModule.computeIfAbsent(move.module(), m -> new ArrayList<>()).add(toDto(move));
                    }
                }
                PartyEntity survivor = em.find(PartyEntity.class, entry.survivorId());
                if (survivor == null) {
                    throw new MergeRefusedException(CoreRepointing.MODULE, "the survivor " + entry.survivorId() + " was deleted since the merge");
                }
                PartyDTO survivorBefore = new PartyReader(em).toDto(survivor);
                for (String victimId : entry.victimIds()) {
                    PartyEntity victim = em.find(PartyEntity.class, Long.valueOf(victimId));
                    if (victim == null || !PartyStatus.MERGED.name().equals(victim.status)) {
                        throw new MergeRefusedException(CoreRepointing.MODULE, "party " + victimId + " is no longer merged");
                    }
                }
                // the rows move back with JDBC first; the parties are then read afresh and written with JPA
                List<String> modules = new ArrayList<>(byModule.keySet());
                java.util.Collections.reverse(modules);
                for (String module : modules) {
                    List<MovedRecordDTO> moved = byModule.get(module);
                    if (CoreRepointing.MODULE.equals(module)) {
                        continue;
                    }
                    MergeContributor contributor = contributors.get(module);
                    if (contributor == null) {
                        throw new MergeRefusedException(module, "the module is not installed: its " + moved.size()
                                + " moved records cannot move back; install it again to undo this merge");
                    }
                    involved.add(contributor);
                    contributed(contributor, () -> {
                        contributor.undo(connection, merge, moved);
                        return null;
                    });
                }
                CoreRepointing.TABLES.undo(connection, merge, byModule.getOrDefault(CoreRepointing.MODULE, List.of()));
                List<Long> victimIds = entry.victimIds().stream().map(Long::valueOf).toList();
                log.setMergedInto(victimIds, null);

                freshContext(em);
                survivor = em.find(PartyEntity.class, entry.survivorId());
                PartyDTO survivorRestored = new PartyReader(em).toDto(survivor);
                for (MergeLog.Move move : moves) {
                    if (MergeLog.PARTY_FIELD.equals(move.recordType())) {
                        Survivorship.Field field = Survivorship.FIELDS.get(move.recordId());
                        if (!java.util.Objects.equals(field.text(survivorRestored), move.newValue())) {
                            throw new MergeRefusedException(CoreRepointing.MODULE, "field " + move.recordId() + " of party " + entry.survivorId()
                                    + " changed since the merge");
                        }
                        field.setText(survivorRestored, move.oldValue());
                    }
                }
                survivorRestored.displayName = org.tessera.crm.core.api.search.PartySearchTerms.displayName(survivorRestored);
                PartyMapper.apply(survivorRestored, survivor);
                survivor.updatedAt = now;
                Map<String, String> statuses = moves.stream().filter(m -> MergeLog.PARTY_STATUS.equals(m.recordType()))
                        .collect(Collectors.toMap(MergeLog.Move::recordId, MergeLog.Move::oldValue));
                List<PartyEntity> victims = new ArrayList<>();
                for (long victimId : victimIds) {
                    PartyEntity victim = em.find(PartyEntity.class, victimId);
                    victim.status = statuses.getOrDefault(Long.toString(victimId), PartyStatus.ACTIVE.name());
                    victim.updatedAt = now;
                    victims.add(victim);
                }
                em.flush();
                PartyReader after = new PartyReader(em);
                PartyDTO survivorStored = after.toDto(survivor);
                List<PartyDTO> victimsStored = victims.stream().map(after::toDto).toList();
                Optional.ofNullable(duplicates).ifPresent(detection -> {
                    List<PartyDTO> kept = new ArrayList<>(victimsStored);
                    kept.add(survivorStored);
                    detection.session(em).keep(kept);
                });
                String login = callers.currentLogin();
                log.markUndone(id, now, login);

                audit.record(em, EntityTypes.PARTY, survivorStored.id, AuditAction.UPDATE, survivorBefore, survivorStored,
                        SensitivePartyFields.of(em).masked());
                AuditBatch batch = audit.batch();
                batch.add(MERGE, mergeId, AuditAction.UPDATE, List.of(new FieldChangeDTO("undoneAt", null, now.toString())));
                for (PartyDTO victim : victimsStored) {
                    batch.add(EntityTypes.PARTY, victim.id, AuditAction.UPDATE, List.of(new FieldChangeDTO("status", PartyStatus.MERGED.name(),
                            victim.status.name()), new FieldChangeDTO("mergedInto", merge.survivorId(), null)));
                }
                List<ModuleMergeDTO> undone = grouped(byModule);
                auditMoves(batch, undone, true);
                batch.write(connection, new IdBlocks(connection));

                Map<String, Object> properties = new LinkedHashMap<>(EventProperties.of(EntityTypes.PARTY, survivorStored.id, survivorStored.version));
                properties.put("mergeId", mergeId);
                properties.put("victims", String.join(",", merge.victimIds()));
                events.record(connection, TOPIC_MERGE_UNDONE, properties);

                MergeResultDTO dto = describe(entry, moves);
                dto.undoneAt = now;
                dto.undoneBy = login;
                return dto;
            } catch (SQLException e) {
                throw new IllegalStateException("undo failed: " + e.getMessage(), e);
            }
        });
        committed(involved);
        return result;
    }

    @Override
    public Optional<MergeResultDTO> find(String mergeId) {
        Optional<Long> id = Ids.parse(mergeId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return tx.required(em -> {
            try {
                MergeLog log = new MergeLog(em.unwrap(Connection.class));
                return log.find(id.get()).filter(entry -> scope.canAccessParty(Long.toString(entry.survivorId())))
                        .map(entry -> {
                            try {
                                return describe(entry, log.moves(entry.id()));
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        });
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read merge " + mergeId + ": " + e.getMessage(), e);
            }
        });
    }

    @Override
    public Optional<String> survivorOf(String partyId) {
        Optional<Long> id = Ids.parse(partyId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return tx.required(em -> {
            try {
                return new MergeLog(em.unwrap(Connection.class)).mergedInto(id.get()).map(Ids::format);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * A module that was not installed during merges (uninstalled, or updated) re-points its
     * records of each merge it missed and not undone since, each in a transaction of its own.
     *
     * @return how many merges it caught up on
     */
    public int catchUp(MergeContributor contributor) {
        String module = contributor.moduleId();
        List<Long> missed = tx.required(em -> {
            try {
                return new MergeLog(em.unwrap(Connection.class)).missedBy(module);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        for (long mergeId : missed) {
            tx.required(em -> {
                Connection connection = em.unwrap(Connection.class);
                try {
                    MergeLog log = new MergeLog(connection);
                    MergeLog.Entry entry = log.find(mergeId).orElseThrow();
                    if (entry.undoneAt() != null) {
                        return null; // undone meanwhile: nothing to catch up on
                    }
                    PartyMerge merge = new PartyMerge(Ids.format(mergeId), Long.toString(entry.survivorId()), entry.victimIds());
                    ModuleMergeDTO done = contributor.merge(connection, merge);
                    log.appendMoves(mergeId, done.moved.stream().map(m -> new MergeLog.Move(module, m.recordType, m.recordId, m.field,
                            m.fromPartyId, m.toPartyId, null, null)).toList());
                    log.addModules(mergeId, List.of(module));
                    AuditBatch batch = audit.batch();
                    auditMoves(batch, List.of(done), false);
                    batch.write(connection, new IdBlocks(connection));
                    return null;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        if (!missed.isEmpty()) {
            contributor.committed();
        }
        return missed.size();
    }

    private void catchUpLogged(MergeContributor contributor) {
        try {
            int merges = callers.callAsSystem(() -> catchUp(contributor));
            if (merges > 0) {
                LOG.info("{} re-pointed its records of {} merges made while it was not installed", contributor.moduleId(), merges);
            }
        } catch (RuntimeException e) {
            // the module still works; its records of those merges stay on the victims until its next start
            LOG.warn("{} could not catch up on the merges it missed: {}", contributor.moduleId(), e.getMessage());
        }
    }

    private static void auditMoves(AuditBatch batch, List<ModuleMergeDTO> modules, boolean back) {
        for (ModuleMergeDTO module : modules) {
            for (MovedRecordDTO moved : module.moved) {
                batch.add(moved.recordType, moved.recordId, AuditAction.UPDATE, List.of(back
                        ? new FieldChangeDTO(moved.field, moved.toPartyId, moved.fromPartyId)
                        : new FieldChangeDTO(moved.field, moved.fromPartyId, moved.toPartyId)));
            }
        }
    }

    private MergeResultDTO describe(MergeLog.Entry entry, List<MergeLog.Move> moves) {
        MergeResultDTO dto = new MergeResultDTO();
        dto.id = Ids.format(entry.id());
        dto.survivorId = Long.toString(entry.survivorId());
        dto.victimIds = entry.victimIds();
        dto.fieldSources = FieldSources.parse(entry.fieldSources());
        Map<String, List<MovedRecordDTO>> byModule = new LinkedHashMap<>();
        for (MergeLog.Move move : moves) {
            if (!MergeLog.PARTY_FIELD.equals(move.recordType()) && !MergeLog.PARTY_STATUS.equals(move.recordType())) {
                byModule.computeIfAbsent(move.module(), m -> new ArrayList<>()).add(toDto(move));
            }
        }
        dto.modules = grouped(byModule);
        dto.mergedAt = entry.mergedAt();
        dto.mergedBy = entry.mergedBy();
        dto.undoableUntil = entry.mergedAt().plus(undoWindow);
        dto.undoneAt = entry.undoneAt();
        dto.undoneBy = entry.undoneBy();
        return dto;
    }

    private static List<ModuleMergeDTO> grouped(Map<String, List<MovedRecordDTO>> byModule) {
        List<ModuleMergeDTO> modules = new ArrayList<>();
        byModule.forEach((name, moved) -> {
            ModuleMergeDTO module = new ModuleMergeDTO(name);
            module.moved.addAll(moved);
            modules.add(module);
        });
        return modules;
    }

    private static MovedRecordDTO toDto(MergeLog.Move move) {
        return new MovedRecordDTO(move.module(), move.recordType(), move.recordId(), move.field(), move.fromPartyId(), move.toPartyId());
    }

    /** Runs a contributor's part: a refusal passes as it is; any other failure refuses the merge naming the module. */
    private static <T> T contributed(MergeContributor contributor, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (MergeRefusedException refused) {
            throw refused;
        } catch (RuntimeException e) {
            LOG.warn("merge contributor of {} failed", contributor.moduleId(), e);
            throw new MergeRefusedException(contributor.moduleId(), "the module failed: " + e.getMessage());
        }
    }

    private void committed(List<MergeContributor> taking) {
        // the core's cache holds parties, mechanisms and activities whose rows moved behind JPA's back
        tx.required(em -> {
            em.getEntityManagerFactory().getCache().evictAll();
            return null;
        });
        for (MergeContributor contributor : taking) {
            try {
                contributor.committed();
            } catch (RuntimeException e) {
                LOG.warn("{} could not refresh after a merge: {}", contributor.moduleId(), e.getMessage());
            }
        }
    }

    /**
     * Forgets every entity of the transaction's context and of the unit's shared cache: rows moved
     * with JDBC under them. Nothing of the context may be written afterwards (it was flushed), and
     * what is read next comes from the database, within this transaction.
     */
    private static void freshContext(EntityManager em) {
        em.clear();
        em.getEntityManagerFactory().getCache().evictAll();
    }

    /**
     * The survivor as the moves left it, its search terms rewritten to include what it received
     * (the moved e-mail addresses, say).
     */
    private static PartyDTO reread(EntityManager em, long survivorId) {
        freshContext(em);
        PartyEntity survivor = em.find(PartyEntity.class, survivorId);
        PartyMapper.apply(new PartyReader(em).toDto(survivor), survivor);
        em.flush();
        return new PartyReader(em).toDto(survivor);
    }

    private List<MergeContributor> sortedContributors() {
        return contributors.values().stream().sorted(Comparator.comparing(MergeContributor::moduleId)).toList();
    }

    private PartyEntity loadLive(EntityManager em, String id) {
        PartyEntity entity = em.find(PartyEntity.class, Long.valueOf(id));
        if (entity == null) {
            throw new NotFoundException(EntityTypes.PARTY, id);
        }
        if (PartyStatus.MERGED.name().equals(entity.status)) {
            throw new MergeRefusedException(CoreRepointing.MODULE, "party " + id + " is merged already");
        }
        return entity;
    }

    private void requireVisible(String partyId) {
        if (!scope.canAccessParty(partyId)) {
            throw new NotFoundException(EntityTypes.PARTY, partyId);
        }
    }

    /** Carries a dry run's answer out of the transaction it rolls back. */
    private static final class DryRun extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient MergeResultDTO result;

        DryRun(MergeResultDTO result) {
            super(null, null, false, false);
            this.result = result;
        }

        /** The answer the rollback carried, however the transaction wrapped it; any other failure is rethrown. */
        static MergeResultDTO resultOf(RuntimeException failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof DryRun dryRun) {
                    return dryRun.result;
                }
            }
            throw failure;
        }
    }
}
