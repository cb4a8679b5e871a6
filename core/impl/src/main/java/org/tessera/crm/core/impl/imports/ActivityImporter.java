package org.tessera.crm.core.impl.imports;

import java.util.Iterator;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.event.CoreEvents;
import org.tessera.crm.core.api.imports.ActivityImportService;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.ImportedActivityDTO;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.support.Times;
import org.tessera.crm.core.kit.jpa.Tx;

/** Bulk import of activities, one {@link ActivityImportChunk} per transaction of {@link ChunkedImport#CHUNK_ROWS} rows. */
@Component(service = {ActivityImportService.class, ActivityImporter.class})
public class ActivityImporter implements ActivityImportService {
    private final ChunkedImport<ImportedActivityDTO> chunks;

    @Activate
    public ActivityImporter(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, @Reference(name = "validation") ValidationService validation,
            @Reference(name = "events") DomainEventPublisher events, @Reference(name = "scope") RecordScope scope,
            @Reference(name = "audit") AuditTrail audit) {
        this.chunks = new ChunkedImport<>(tx, new ChunkedImport.Events(events, EntityTypes.ACTIVITY,
                CoreEvents.ACTIVITY_CREATED, CoreEvents.ACTIVITY_UPDATED),
                (em, rows) -> new ActivityImportChunk(em, validation, scope, audit, Times.now()).run(rows));
    }

    @Override
    public ImportReport importActivities(Iterator<ImportRow<ImportedActivityDTO>> rows) {
        return chunks.run(rows);
    }

    /** Imports in the caller's transaction: a refused chunk fails the whole (see {@link ChunkedImport#runInCallerTransaction}). */
    public ImportReport importActivitiesInCallerTransaction(Iterator<ImportRow<ImportedActivityDTO>> rows) {
        return chunks.runInCallerTransaction(rows);
    }
}
