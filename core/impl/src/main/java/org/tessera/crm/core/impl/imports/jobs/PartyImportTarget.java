package org.tessera.crm.core.impl.imports.jobs;

import java.util.Iterator;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.ImportTarget;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.impl.imports.PartyImporter;

/** Parties for the import jobs: the core's party import, duplicate rules applied (a duplicate is a rejected row). */
@Component(service = ImportTarget.class, property = ImportTarget.TYPE_PROPERTY + "=" + PartyImportTarget.TYPE)
public class PartyImportTarget implements ImportTarget<PartyDTO>, InTransactionTarget<PartyDTO> {
    static final String TYPE = "party";

    private final PartyImporter parties;

    @Activate
    public PartyImportTarget(@Reference(name = "parties") PartyImporter parties) {
        this.parties = parties;
    }

    @Override
    public String entityType() {
        return TYPE;
    }

    @Override
    public Class<PartyDTO> rowType() {
        return PartyDTO.class;
    }

    @Override
    public String permission() {
        return CorePermissions.PARTY_WRITE;
    }

    @Override
    public ImportReport importRows(Iterator<ImportRow<PartyDTO>> rows) {
        return parties.importParties(rows);
    }

    @Override
    public ImportReport importRowsInCallerTransaction(Iterator<ImportRow<PartyDTO>> rows) {
        return parties.importPartiesInCallerTransaction(rows);
    }
}
