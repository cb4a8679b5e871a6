package org.tessera.crm.core.impl.imports.jobs;

import java.util.Iterator;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.ImportTarget;
import org.tessera.crm.core.api.imports.ImportedActivityDTO;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.impl.imports.ActivityImporter;

/** Activities for the import jobs: the core's activity import (participants by id or party external id). */
@Component(service = ImportTarget.class, property = ImportTarget.TYPE_PROPERTY + "=" + ActivityImportTarget.TYPE)
public class ActivityImportTarget implements ImportTarget<ImportedActivityDTO>, InTransactionTarget<ImportedActivityDTO> {
    static final String TYPE = "activity";

    private final ActivityImporter activities;

    @Activate
    public ActivityImportTarget(@Reference(name = "activities") ActivityImporter activities) {
        this.activities = activities;
    }

    @Override
    public String entityType() {
        return TYPE;
    }

    @Override
    public Class<ImportedActivityDTO> rowType() {
        return ImportedActivityDTO.class;
    }

    @Override
    public String permission() {
        return CorePermissions.ACTIVITY_WRITE;
    }

    @Override
    public ImportReport importRows(Iterator<ImportRow<ImportedActivityDTO>> rows) {
        return activities.importActivities(rows);
    }

    @Override
    public ImportReport importRowsInCallerTransaction(Iterator<ImportRow<ImportedActivityDTO>> rows) {
        return activities.importActivitiesInCallerTransaction(rows);
    }
}
