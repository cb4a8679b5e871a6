package org.tessera.crm.core.impl.imports;

import java.time.LocalDate;
import java.util.Iterator;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.PartyImportService;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.api.sync.WriteSource;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.duplicate.PartyDuplicates;
import org.tessera.crm.core.impl.security.ScopedUnits;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.kit.jpa.Tx;

/** Bulk import of parties, one {@link PartyImportChunk} per transaction of {@link #CHUNK_ROWS} rows. */
@Component(service = {PartyImportService.class, PartyImporter.class})
public class PartyImporter implements PartyImportService {
    static final int CHUNK_ROWS = ChunkedImport.CHUNK_ROWS;

    private final Tx tx;
    private final ValidationService validation;
    private final DomainEventPublisher events;
    private final PartyImportChunk.Security security;
    /** Duplicate detection; unset (no check) only where a test builds the importer by hand. */
    private volatile PartyDuplicates duplicates;
    /** The source system of the current import; unset ({@value WriteSource#DEFAULT}) where a test builds the importer by hand. */
    private volatile WriteSource writeSource;

    @Activate
    public PartyImporter(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, @Reference(name = "validation") ValidationService validation,
            @Reference(name = "events") DomainEventPublisher events, @Reference(name = "callers") CallerContext callers,
            @Reference(name = "scope") RecordScope scope, @Reference(name = "audit") AuditTrail audit) {
        this.tx = tx;
        this.validation = validation;
        this.events = events;
        this.security = new PartyImportChunk.Security(callers, scope, audit);
    }

    /** Checks each row against the duplicate rules and writes the matching keys of the parties imported. */
    @Reference(name = "duplicates")
    public void setDuplicates(PartyDuplicates duplicates) {
        this.duplicates = duplicates;
    }

    @Reference(name = "writeSource", unbind = "unsetWriteSource", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void setWriteSource(WriteSource source) {
        this.writeSource = source;
    }

    public void unsetWriteSource(WriteSource source) {
        if (writeSource == source) {
            writeSource = null;
        }
    }

    @Override
    public ImportReport importParties(Iterator<ImportRow<PartyDTO>> rows) {
        return importParties(rows, false);
    }

    @Override
    public ImportReport importParties(Iterator<ImportRow<PartyDTO>> rows, boolean allowDuplicates) {
        return importParties(rows, allowDuplicates, false);
    }

    /**
     * Imports in the caller's transaction (an import job's, which records its progress in it too):
     * a chunk the database refuses fails the whole, which the caller then runs again by
     * {@link #importParties(Iterator)}.
     */
    public ImportReport importPartiesInCallerTransaction(Iterator<ImportRow<PartyDTO>> rows) {
        return importParties(rows, false, true);
    }

    private ImportReport importParties(Iterator<ImportRow<PartyDTO>> rows, boolean allowDuplicates, boolean joined) {
        WriteSource sources = writeSource;
        String source = sources == null ? WriteSource.DEFAULT : sources.current();
        ImportDuplicates checks = new ImportDuplicates(duplicates, allowDuplicates, ScopedUnits.of(security.scope()));
        ChunkedImport<PartyDTO> chunks = new ChunkedImport<>(tx, new ChunkedImport.Events(events, EntityTypes.PARTY,
                CoreEvents.PARTY_CREATED, CoreEvents.PARTY_UPDATED),
                (em, chunk) -> new PartyImportChunk(em, validation, security, LocalDate.now(), Times.now(), checks, source).run(chunk));
        ImportReport report = joined ? chunks.runInCallerTransaction(rows) : chunks.run(rows);
        checks.report(report);
        return report;
    }
}
