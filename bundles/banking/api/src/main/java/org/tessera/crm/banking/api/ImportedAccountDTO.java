package org.tessera.crm.banking.api;

import java.util.ArrayList;
import java.util.List;

import org.tessera.crm.core.api.imports.ExternalIdRef;

/**
 * One line of an account import: an account as in {@code POST /v1/banking/accounts}, matched by
 * its number, whose role parties may be named by an external id of the system the extract comes
 * from instead of a party id.
 */
public class ImportedAccountDTO extends AccountDTO {
    /** The roles, each naming its party by {@code partyId} or {@code partyExternalId}. */
    public List<ImportedRoleDTO> importedRoles = new ArrayList<>();

    /** A role whose party is named by id or by external id. */
    public static class ImportedRoleDTO extends AccountRoleDTO {
        public ExternalIdRef partyExternalId;
    }
}
