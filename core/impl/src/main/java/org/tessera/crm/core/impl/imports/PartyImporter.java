package org.tessera.crm.core.impl.imports;

import java.time.LocalDate;
import java.util.Iterator;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.PartyImportService;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.event.DomainEvents;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.kit.jpa.Tx;

/** Bulk import of parties, one {@link PartyImportChunk} per transaction of {@link #CHUNK_ROWS} rows. */
@Component(service = PartyImportService.class)
public class PartyImporter implements PartyImportService {
    static final int CHUNK_ROWS = ChunkedImport.CHUNK_ROWS;

    private final ChunkedImport<PartyDTO> chunks;

    @Activate
    public PartyImporter(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, @Reference(name = "validation") ValidationService validation,
            @Reference(name = "events") DomainEvents events, @Reference(name = "callers") CallerContext callers,
            @Reference(name = "scope") RecordScope scope, @Reference(name = "audit") AuditTrail audit) {
        PartyImportChunk.Security security = new PartyImportChunk.Security(callers, scope, audit);
        this.chunks = new ChunkedImport<>(tx, new ChunkedImport.Events(events, EntityTypes.PARTY,
                CoreEvents.PARTY_CREATED, CoreEvents.PARTY_UPDATED),
                (em, rows) -> new PartyImportChunk(em, validation, security, LocalDate.now(), Times.now()).run(rows));
    }

    @Override
    public ImportReport importParties(Iterator<ImportRow<PartyDTO>> rows) {
        return chunks.run(rows);
    }
}
