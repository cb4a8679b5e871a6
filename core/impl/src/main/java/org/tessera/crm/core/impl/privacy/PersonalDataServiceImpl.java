package org.tessera.crm.core.impl.privacy;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.audit.FieldChangeDTO;
import org.tessera.crm.core.api.module.AvailableModules;
import org.tessera.crm.core.api.module.ModuleDTO;
import org.tessera.crm.core.api.module.ModuleRegistry;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.party.PartyStatus;
import org.tessera.crm.core.api.privacy.ErasureReportDTO;
import org.tessera.crm.core.api.privacy.ErasureResultDTO;
import org.tessera.crm.core.api.privacy.KnownModuleDTO;
import org.tessera.crm.core.api.privacy.LegalHoldDTO;
import org.tessera.crm.core.api.privacy.PersonalDataContext;
import org.tessera.crm.core.api.privacy.PersonalDataDTO;
import org.tessera.crm.core.api.privacy.PersonalDataProvider;
import org.tessera.crm.core.api.privacy.PersonalDataSectionDTO;
import org.tessera.crm.core.api.privacy.PersonalDataService;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.impl.duplicate.PartyDuplicates;
import org.tessera.crm.core.impl.entity.AuditRecordEntity;
import org.tessera.crm.core.impl.entity.PartyEntity;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Export and erasure of a person across the core and every {@link PersonalDataProvider} present,
 * each in one transaction of the core's unit whose connection the providers share.
 */
@Component
public class PersonalDataServiceImpl implements PersonalDataService {
    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataServiceImpl.class);
    static final int REASON_MAX = 500;

    private final Tx tx;
    private final RecordScope scope;
    private final CallerContext callers;
    private final AuditRecorder audit;
    private final DomainEventPublisher events;
    private final PartyService parties;
    /** The providers present, by module: one per module (the highest ranked wins, as DS binds them in order). */
    private final Map<String, PersonalDataProvider> providers = new ConcurrentSkipListMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModuleRegistry modules;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AvailableModules available;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile PartyDuplicates duplicates;

    @Activate
    public PersonalDataServiceImpl(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, @Reference(name = "scope") RecordScope scope,
            @Reference(name = "callers") CallerContext callers, @Reference(name = "audit") AuditRecorder audit,
            @Reference(name = "events") DomainEventPublisher events, @Reference(name = "parties") PartyService parties) {
        this.tx = tx;
        this.scope = scope;
        this.callers = callers;
        this.audit = audit;
        this.events = events;
        this.parties = parties;
    }

    @Reference(name = "providers", unbind = "removeProvider", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addProvider(PersonalDataProvider provider) {
        providers.put(provider.moduleId(), provider);
    }

    public void removeProvider(PersonalDataProvider provider) {
        providers.remove(provider.moduleId(), provider);
    }

    @Override
    public PersonalDataDTO export(String partyId) {
        long party = visibleParty(partyId);
        PersonalDataDTO export = new PersonalDataDTO();
        export.partyId = Ids.format(party);
        export.exportedAt = Times.now();
        List<PersonalDataProvider> present = List.copyOf(providers.values());
        tx.required(em -> {
            PartyEntity entity = load(em, party);
            export.core.putAll(CorePersonalData.export(em, entity));
            PersonalDataContext context = new CoreErasureContext(em.unwrap(Connection.class), export.exportedAt);
            for (PersonalDataProvider provider : present) {
                export.modules.add(section(provider, export.partyId, context));
            }
            return null;
        });
        export.core.put("roles", parties.roles(export.partyId));
        export.core.put("relationships", parties.relationships(export.partyId));
        export.notCovered = notCovered(present);
        return export;
    }

    /** One module's section; a module that fails says so in its section, and the rest of the export stands. */
    private static PersonalDataSectionDTO section(PersonalDataProvider provider, String partyId, PersonalDataContext context) {
        try {
            PersonalDataSectionDTO section = provider.export(partyId, context);
            section.module = provider.moduleId();
            return section;
        } catch (RuntimeException e) {
            LOG.warn("Personal data of party {} in module {} could not be read", partyId, provider.moduleId(), e);
            PersonalDataSectionDTO failed = new PersonalDataSectionDTO();
            failed.module = provider.moduleId();
            failed.retention = provider.retention();
            failed.error = "the module could not read its personal data: " + e.getMessage();
            return failed;
        }
    }

    @Override
    public ErasureReportDTO erase(String partyId, String confirmation) {
        if (confirmation == null || confirmation.isBlank()) {
            throw new ValidationException(FieldError.required("confirm"));
        }
        if (!confirmation.equals(partyId)) {
            throw new ValidationException(FieldError.invalid("confirm", "must repeat the id of the party to erase"));
        }
        long party = visibleParty(partyId);
        ErasureReportDTO report = new ErasureReportDTO();
        report.partyId = Ids.format(party);
        report.erasedAt = Times.now();
        List<PersonalDataProvider> present = List.copyOf(providers.values());
        CoreErasureContext context = tx.required(em -> {
            PartyEntity entity = load(em, party);
            Connection connection = em.unwrap(Connection.class);
            LegalHoldDTO hold = LegalHolds.of(connection, party);
            if (hold.active) {
                throw new ConflictException("legalHold", "party " + report.partyId + " is under a legal hold (" + hold.reason
                        + "): clear it first with DELETE /v1/parties/" + report.partyId + "/legal-hold");
            }
            if (PartyStatus.MERGED.name().equals(entity.status)) {
                throw new ConflictException("status", "party " + report.partyId + " was merged: erase the party it was merged into");
            }
            CoreErasureContext erasure = new CoreErasureContext(connection, report.erasedAt);
            report.modules.add(CorePersonalData.erase(em, entity, report.erasedAt, duplicates));
            for (PersonalDataProvider provider : present) {
                ErasureResultDTO result = provider.erase(report.partyId, erasure);
                result.module = provider.moduleId();
                report.modules.add(result);
            }
            audit.recordChanges(connection, EntityTypes.PARTY, report.partyId, AuditAction.UPDATE,
                    List.of(new FieldChangeDTO("personalData", null, "erased in " + modulesOf(report))));
            events.record(connection, PARTY_ERASED, EventProperties.of(EntityTypes.PARTY, report.partyId, entity.version,
                    new String[] {"personalData"}));
            // the audit rows were masked in SQL: none of them may be served from the unit's cache afterwards
            erasure.afterCommit(() -> tx.required(cached -> {
                cached.getEntityManagerFactory().getCache().evict(AuditRecordEntity.class);
                return null;
            }));
            return erasure;
        });
        for (Runnable action : context.afterCommitActions()) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("An action after the erasure of party {} failed", report.partyId, e);
            }
        }
        report.notCovered = notCovered(present);
        return report;
    }

    private static String modulesOf(ErasureReportDTO report) {
        return String.join(", ", report.modules.stream().map(result -> result.module).toList());
    }

    @Override
    public LegalHoldDTO legalHold(String partyId) {
        long party = visibleParty(partyId);
        return tx.required(em -> LegalHolds.of(em.unwrap(Connection.class), party));
    }

    @Override
    public LegalHoldDTO setLegalHold(String partyId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException(FieldError.required("reason"));
        }
        if (reason.length() > REASON_MAX) {
            throw new ValidationException(FieldError.invalid("reason", "must be at most " + REASON_MAX + " characters"));
        }
        long party = visibleParty(partyId);
        String login = callers.currentLogin();
        return tx.required(em -> {
            load(em, party);
            Connection connection = em.unwrap(Connection.class);
            LegalHoldDTO before = LegalHolds.of(connection, party);
            LegalHolds.set(connection, party, reason.trim(), login, Times.now());
            LegalHoldDTO after = LegalHolds.of(connection, party);
            audit.recordChanges(connection, EntityTypes.PARTY, after.partyId, AuditAction.UPDATE,
                    List.of(new FieldChangeDTO("legalHold", before.active ? before.reason : null, after.reason)));
            return after;
        });
    }

    @Override
    public LegalHoldDTO clearLegalHold(String partyId) {
        long party = visibleParty(partyId);
        return tx.required(em -> {
            load(em, party);
            Connection connection = em.unwrap(Connection.class);
            LegalHoldDTO before = LegalHolds.of(connection, party);
            if (before.active) {
                LegalHolds.clear(connection, party);
                audit.recordChanges(connection, EntityTypes.PARTY, before.partyId, AuditAction.UPDATE,
                        List.of(new FieldChangeDTO("legalHold", before.reason, null)));
            }
            return LegalHolds.of(connection, party);
        });
    }

    /**
     * Installed modules that hold no provider, and known modules that are not installed (with whether
     * their schema, and so possibly data, is in the database).
     */
    private List<KnownModuleDTO> notCovered(List<PersonalDataProvider> present) {
        Set<String> covered = new TreeSet<>();
        present.forEach(provider -> covered.add(provider.moduleId()));
        covered.add(CorePersonalData.MODULE);
        Map<String, KnownModuleDTO> missing = new TreeMap<>();
        Optional.ofNullable(modules).ifPresent(registry -> registry.modules().stream().filter(m -> !covered.contains(m.name))
                .forEach(m -> missing.put(m.name, new KnownModuleDTO(m.name, m.state, m.schemaVersion != null))));
        AvailableModules catalog = available;
        if (catalog != null) {
            try {
                for (ModuleDTO module : catalog.available()) {
                    missing.putIfAbsent(module.name, new KnownModuleDTO(module.name, module.state, module.schemaVersion != null));
                }
            } catch (RuntimeException e) {
                LOG.warn("The modules that are not installed could not be listed", e);
            }
        }
        List<KnownModuleDTO> list = new ArrayList<>(missing.values());
        list.sort(Comparator.comparing(m -> m.name));
        return list;
    }

    private long visibleParty(String partyId) {
        Optional<Long> key = Ids.parse(partyId);
        if (key.isEmpty() || !scope.canAccessParty(partyId)) {
            throw new NotFoundException(EntityTypes.PARTY, partyId);
        }
        return key.get();
    }

    private static PartyEntity load(EntityManager em, long party) {
        PartyEntity entity = em.find(PartyEntity.class, party);
        if (entity == null) {
            throw new NotFoundException(EntityTypes.PARTY, Ids.format(party));
        }
        return entity;
    }
}
