package org.tessera.crm.service.impl.request;

import java.util.Iterator;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.ImportTarget;
import org.tessera.crm.service.api.RequestDTO;
import org.tessera.crm.service.api.RequestService;
import org.tessera.crm.service.impl.ServicePermissions;

/** Service requests (upsert by number, else externalId) for the core's import jobs ({@code POST /v1/import-jobs?type=service.request}): the module's own idempotent import, a chunk at a time. */
@Component(service = ImportTarget.class, property = ImportTarget.TYPE_PROPERTY + "=" + RequestImportTarget.TYPE)
public class RequestImportTarget implements ImportTarget<RequestDTO> {
    static final String TYPE = "service.request";

    private final RequestService service;

    @Activate
    public RequestImportTarget(@Reference RequestService service) {
        this.service = service;
    }

    @Override
    public String entityType() {
        return TYPE;
    }

    @Override
    public Class<RequestDTO> rowType() {
        return RequestDTO.class;
    }

    @Override
    public String permission() {
        return ServicePermissions.REQUEST_WRITE;
    }

    @Override
    public ImportReport importRows(Iterator<ImportRow<RequestDTO>> rows) {
        return service.importRequests(rows);
    }
}
