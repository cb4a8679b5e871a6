package org.tessera.crm.banking.impl;

import java.util.Iterator;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.banking.api.ImportedLifeEventDTO;
import org.tessera.crm.banking.api.LifeEventService;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.ImportTarget;

/** Clients' life events for the core's import jobs ({@code POST /v1/import-jobs?type=banking.life-event}): the module's own idempotent import, a chunk at a time. */
@Component(service = ImportTarget.class, property = ImportTarget.TYPE_PROPERTY + "=" + LifeEventImportTarget.TYPE)
public class LifeEventImportTarget implements ImportTarget<ImportedLifeEventDTO> {
    static final String TYPE = "banking.life-event";

    private final LifeEventService service;

    @Activate
    public LifeEventImportTarget(@Reference LifeEventService service) {
        this.service = service;
    }

    @Override
    public String entityType() {
        return TYPE;
    }

    @Override
    public Class<ImportedLifeEventDTO> rowType() {
        return ImportedLifeEventDTO.class;
    }

    @Override
    public String permission() {
        return BankingPermissions.CLIENT_WRITE;
    }

    @Override
    public ImportReport importRows(Iterator<ImportRow<ImportedLifeEventDTO>> rows) {
        return service.importLifeEvents(rows);
    }
}
