package org.tessera.crm.core.impl.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.customfield.CustomFieldDefinitionDTO;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.impl.audit.AuditBatch;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.db.IdBlocks;
import org.tessera.crm.core.impl.customfield.CustomValueNormalizer;
import org.tessera.crm.core.impl.customfield.CustomValueStore;
import org.tessera.crm.core.impl.entity.PartyEntity;
import org.tessera.crm.core.impl.party.PartyMapper;
import org.tessera.crm.core.impl.party.PartyReader;
import org.tessera.crm.core.impl.party.PartyRules;
import org.tessera.crm.core.impl.party.SensitivePartyFields;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.impl.support.JpaLookups;
import org.tessera.crm.core.impl.support.Lookups;

/**
 * One transaction of an import. Rows are checked one by one (core rules, custom fields, then
 * the registered validators), but the database is asked in bulk: one query finds the stored
 * parties holding any of the chunk's external ids, one set of queries reads them, and new
 * parties go in as one JDBC batch per table. Updates of stored parties go through JPA, as any
 * other update does. As in the party service, rows obey the caller's record scope, the sensitive
 * fields (core and custom, see {@link SensitivePartyFields}) need their permission, and every
 * create and update is audited in the same transaction, its records written in one batch.
 */
final class PartyImportChunk {
    private final EntityManager em;
    private final ValidationService validation;
    private final Security security;
    private final LocalDate today;
    private final Instant now;

    /** The caller's perimeter and the audit trail, as the party service uses them. */
    record Security(CallerContext callers, RecordScope scope, AuditTrail audit) {
    }

    PartyImportChunk(EntityManager em, ValidationService validation, Security security, LocalDate today, Instant now) {
        this.em = em;
        this.validation = validation;
        this.security = security;
        this.today = today;
        this.now = now;
    }

    List<Outcome> run(List<ImportRow<PartyDTO>> rows) throws SQLException {
        Connection connection = em.unwrap(Connection.class);
        boolean mayUseSensitive = security.callers().permits(CorePermissions.PARTY_SENSITIVE);
        String defaultOrgUnit = security.scope().defaultOrgUnitId().orElse(null);
        Lookups lookups = new CachingLookups(new JpaLookups(em));
        PartyRules rules = new PartyRules(lookups, today);
        Map<String, CustomFieldDefinitionDTO> definitions = new CustomValueStore(em).definitions(EntityTypes.PARTY);
        CustomValueNormalizer normalizer = new CustomValueNormalizer(definitions, lookups);
        SensitivePartyFields sensitive = SensitivePartyFields.of(definitions.values());
        Set<String> masked = sensitive.masked();
        // required fields this caller may not write: known missing only once the row is a create
        Set<String> requiredHidden = mayUseSensitive ? Set.of() : definitions.values().stream()
                .filter(definition -> definition.sensitive && definition.required)
                .map(definition -> definition.key).collect(Collectors.toSet());

        Outcome[] outcomes = new Outcome[rows.size()];
        PartyDTO[] candidates = new PartyDTO[rows.size()];
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow<PartyDTO> row = rows.get(i);
            if (!row.errors.isEmpty()) {
                outcomes[i] = Outcome.rejected(row.line, row.errors);
                continue;
            }
            PartyDTO candidate = PartyMapper.writableCopy(row.value);
            if (candidate.orgUnitId == null) {
                candidate.orgUnitId = defaultOrgUnit;
            }
            if (!mayUseSensitive) {
                // ignored, not refused, as by the party service; an update puts the stored values back below
                sensitive.strip(candidate);
            }
            FieldErrors errors = rules.check(candidate);
            if (!security.scope().canAccessOrgUnit(candidate.orgUnitId)) {
                errors.invalid("orgUnitId", candidate.orgUnitId == null ? "an org unit is required" : "outside your perimeter");
            }
            if (candidate.externalIds.isEmpty()) {
                errors.add(new FieldError("externalIds", "required",
                        "an imported party needs an external id, to be found again by the next import"));
            }
            candidate.customFields = normalizer.normalize(candidate.customFields, false, errors, requiredHidden);
            if (!errors.isEmpty()) {
                outcomes[i] = Outcome.rejected(row.line, errors.list());
                continue;
            }
            candidates[i] = candidate;
            keys.addAll(ExternalIdIndex.keys(candidate.externalIds));
        }

        Map<String, Long> holders = ExternalIdIndex.PARTIES.holders(connection, keys);
        Map<Long, PartyEntity> entities = new HashMap<>();
        Map<Long, PartyDTO> stored = new HashMap<>();
        if (!holders.isEmpty()) {
            em.createQuery("SELECT p FROM PartyEntity p WHERE p.id IN :ids", PartyEntity.class)
                    .setParameter("ids", new ArrayList<>(new LinkedHashSet<>(holders.values()))).getResultList()
                    .forEach(e -> entities.put(e.id, e));
            new PartyReader(em).toDtos(new ArrayList<>(entities.values())).forEach(d -> stored.put(Long.valueOf(d.id), d));
        }

        IdBlocks ids = new IdBlocks(connection);
        AuditBatch audit = security.audit().batch();
        Map<String, PartyDTO> createdHere = new HashMap<>();
        Map<PartyDTO, Integer> insertIndex = new IdentityHashMap<>();
        List<PartyDTO> inserts = new ArrayList<>();
        CustomValueStore customValues = new CustomValueStore(em);
        List<Integer> updatedRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PartyDTO candidate = candidates[i];
            if (candidate == null) {
                continue;
            }
            long line = rows.get(i).line;
            Set<Long> storedMatches = new LinkedHashSet<>();
            Set<PartyDTO> newMatches = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (String key : ExternalIdIndex.keys(candidate.externalIds)) {
                Long holder = holders.get(key);
                if (holder != null) {
                    storedMatches.add(holder);
                }
                PartyDTO earlier = createdHere.get(key);
                if (earlier != null) {
                    newMatches.add(earlier);
                }
            }
            if (storedMatches.size() + newMatches.size() > 1) {
                outcomes[i] = Outcome.rejected(line, List.of(new FieldError("externalIds", "conflict",
                        "these external ids belong to different parties")));
                continue;
            }
            try {
                if (!storedMatches.isEmpty()) {
                    Long id = storedMatches.iterator().next();
                    PartyDTO previous = stored.get(id);
                    if (!security.scope().canAccessOrgUnit(previous.orgUnitId)) {
                        outcomes[i] = Outcome.rejected(line, List.of(new FieldError("externalIds", "conflict",
                                "a party outside your perimeter has this external id")));
                        continue;
                    }
                    if (!mayUseSensitive) {
                        sensitive.keepStored(candidate, previous);
                    }
                    PartyStates.adopt(candidate, previous);
                    if (PartyStates.sameState(candidate, previous)) {
                        outcomes[i] = Outcome.unchanged(line, previous.id);
                        continue;
                    }
                    validation.validate(EntityTypes.PARTY, candidate, previous);
                    PartyEntity entity = entities.get(id);
                    PartyMapper.apply(candidate, entity);
                    entity.updatedAt = now;
                    customValues.replace(EntityTypes.PARTY, entity.id, candidate.customFields);
                    stored.put(id, candidate);
                    for (String key : ExternalIdIndex.keys(candidate.externalIds)) {
                        holders.put(key, id);
                    }
                    outcomes[i] = Outcome.updated(line, previous.id, previous, candidate, 0);
                    updatedRows.add(i);
                } else if (!newMatches.isEmpty()) {
                    // an earlier line of this chunk created the party: this line replaces it before it is written
                    PartyDTO earlier = newMatches.iterator().next();
                    PartyStates.adopt(candidate, earlier);
                    if (PartyStates.sameState(candidate, earlier)) {
                        outcomes[i] = Outcome.unchanged(line, earlier.id);
                        continue;
                    }
                    validation.validate(EntityTypes.PARTY, candidate, earlier);
                    assignMechanismIds(candidate, ids);
                    candidate.version = 1;
                    audit.add(EntityTypes.PARTY, candidate.id, AuditAction.UPDATE, earlier, candidate, masked);
                    int index = insertIndex.remove(earlier);
                    inserts.set(index, candidate);
                    insertIndex.put(candidate, index);
                    for (String key : ExternalIdIndex.keys(candidate.externalIds)) {
                        createdHere.put(key, candidate);
                    }
                    outcomes[i] = Outcome.updated(line, candidate.id, null, null, 0);
                } else {
                    requirePresent(candidate, requiredHidden);
                    validation.validate(EntityTypes.PARTY, candidate, null);
                    candidate.id = String.valueOf(ids.next(PartyRowWriter.PARTY_SEQUENCE));
                    assignMechanismIds(candidate, ids);
                    candidate.version = 1;
                    audit.add(EntityTypes.PARTY, candidate.id, AuditAction.CREATE, null, candidate, masked);
                    insertIndex.put(candidate, inserts.size());
                    inserts.add(candidate);
                    for (String key : ExternalIdIndex.keys(candidate.externalIds)) {
                        createdHere.put(key, candidate);
                    }
                    outcomes[i] = Outcome.created(line, candidate.id);
                }
            } catch (ValidationException e) {
                outcomes[i] = Outcome.rejected(line, e.errors());
            }
        }
        new PartyRowWriter(connection).insert(inserts, now);
        em.flush();
        if (!updatedRows.isEmpty()) {
            em.flush();
            Map<Long, PartyDTO> after = new LinkedHashMap<>();
            new PartyReader(em).toDtos(updatedRows.stream().map(i -> entities.get(Long.valueOf(outcomes[i].recordId())))
                    .distinct().toList()).forEach(d -> after.put(Long.valueOf(d.id), d));
            for (int i : updatedRows) {
                Outcome o = outcomes[i];
                PartyDTO afterUpdate = after.get(Long.valueOf(o.recordId()));
                audit.add(EntityTypes.PARTY, o.recordId(), AuditAction.UPDATE, o.before(), afterUpdate, masked);
                outcomes[i] = Outcome.updated(o.line(), o.recordId(), o.before(), afterUpdate, afterUpdate.version);
            }
        }
        audit.write(connection, ids);
        return List.of(outcomes);
    }

    /** A new party needs its required fields, those the caller may not write included (as a single create). */
    private static void requirePresent(PartyDTO candidate, Set<String> keys) {
        FieldErrors missing = new FieldErrors();
        for (String key : keys) {
            if (candidate.customFields == null || candidate.customFields.get(key) == null) {
                missing.required("customFields." + key, null);
            }
        }
        missing.throwIfAny();
    }

    private static void assignMechanismIds(PartyDTO candidate, IdBlocks ids) throws SQLException {
        for (ContactMechanismDTO m : candidate.contactMechanisms) {
            if (m.id == null) {
                m.id = String.valueOf(ids.next(PartyRowWriter.MECHANISM_SEQUENCE));
            }
        }
    }
}
