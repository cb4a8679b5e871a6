package org.tessera.crm.banking.impl;

import java.util.Iterator;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.banking.api.AccountService;
import org.tessera.crm.banking.api.ImportedAccountDTO;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.ImportTarget;

/** Bank accounts for the core's import jobs ({@code POST /v1/import-jobs?type=banking.account}): the module's own idempotent import, a chunk at a time. */
@Component(service = ImportTarget.class, property = ImportTarget.TYPE_PROPERTY + "=" + AccountImportTarget.TYPE)
public class AccountImportTarget implements ImportTarget<ImportedAccountDTO> {
    static final String TYPE = "banking.account";

    private final AccountService service;

    @Activate
    public AccountImportTarget(@Reference AccountService service) {
        this.service = service;
    }

    @Override
    public String entityType() {
        return TYPE;
    }

    @Override
    public Class<ImportedAccountDTO> rowType() {
        return ImportedAccountDTO.class;
    }

    @Override
    public String permission() {
        return BankingPermissions.ACCOUNT_WRITE;
    }

    @Override
    public ImportReport importRows(Iterator<ImportRow<ImportedAccountDTO>> rows) {
        return service.importAccounts(rows);
    }
}
