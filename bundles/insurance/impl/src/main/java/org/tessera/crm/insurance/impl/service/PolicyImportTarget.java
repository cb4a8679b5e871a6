package org.tessera.crm.insurance.impl.service;

import java.util.Iterator;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.ImportTarget;
import org.tessera.crm.insurance.api.PolicyDTO;
import org.tessera.crm.insurance.api.PolicyService;

/** Insurance policies for the core's import jobs ({@code POST /v1/import-jobs?type=insurance.policy}): the module's own idempotent import, a chunk at a time. */
@Component(service = ImportTarget.class, property = ImportTarget.TYPE_PROPERTY + "=" + PolicyImportTarget.TYPE)
public class PolicyImportTarget implements ImportTarget<PolicyDTO> {
    static final String TYPE = "insurance.policy";

    private final PolicyService service;

    @Activate
    public PolicyImportTarget(@Reference PolicyService service) {
        this.service = service;
    }

    @Override
    public String entityType() {
        return TYPE;
    }

    @Override
    public Class<PolicyDTO> rowType() {
        return PolicyDTO.class;
    }

    @Override
    public String permission() {
        return InsurancePermissions.POLICY_WRITE;
    }

    @Override
    public ImportReport importRows(Iterator<ImportRow<PolicyDTO>> rows) {
        return service.importPolicies(rows);
    }
}
