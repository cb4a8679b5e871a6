package org.tessera.crm.banking.impl.rest;

import java.io.InputStream;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tessera.crm.banking.api.AccountService;
import org.tessera.crm.banking.api.ImportedAccountDTO;
import org.tessera.crm.banking.impl.BankingPermissions;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.security.RequiresPermission;
import org.tessera.crm.core.kit.rest.NdjsonRows;
import org.tessera.crm.core.kit.rest.ObjectMappers;

/**
 * {@code POST /v1/banking/accounts:import}: a core-banking extract as NDJSON, one account with its
 * roles per line, upserted by number; the per-row report out (the core's {@code :import} convention).
 * A root resource of its own, so that it never competes with {@code /accounts/{id}}.
 */
@Component(service = AccountImportResource.class)
@JaxrsResource
@JaxrsApplicationSelect(BankingApplication.SELECT)
@JSONRequired
@Path("/accounts:import")
@Produces(MediaType.APPLICATION_JSON)
public class AccountImportResource {
    static final String NDJSON = "application/x-ndjson";
    private final AccountService accounts;
    private final ObjectMapper mapper = ObjectMappers.create();

    @Activate
    public AccountImportResource(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    /** Balances are written as the extract states them: importing needs the balance permission as well. */
    @POST
    @Consumes(NDJSON)
    @RequiresPermission(BankingPermissions.ACCOUNT_WRITE)
    public ImportReport importAccounts(InputStream body) {
        return accounts.importAccounts(new NdjsonRows<>(body, mapper, ImportedAccountDTO.class));
    }
}
