package org.tessera.crm.core.modules;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.audit.FieldChangeDTO;

/**
 * The audit record of a module operation (entity type {@value #ENTITY_TYPE}, the module's name as
 * its id, as a purge is recorded), signed with the caller, in a transaction of its own: the
 * operation is no database change it could join.
 */
final class ModuleOperationAudit {
    static final String ENTITY_TYPE = "MODULE";

    private final DataSource dataSource;
    private final AuditRecorder recorder;

    ModuleOperationAudit(DataSource dataSource, AuditRecorder recorder) {
        this.dataSource = dataSource;
        this.recorder = recorder;
    }

    /**
     * Records {@code operation} of {@code module} and how it ended.
     *
     * @throws IllegalStateException when the record cannot be written
     */
    void record(String module, AuditAction action, String operation, String location, String outcome) {
        List<FieldChangeDTO> changes = new java.util.ArrayList<>();
        changes.add(new FieldChangeDTO("operation", null, operation));
        if (location != null) {
            changes.add(new FieldChangeDTO("location", null, location));
        }
        changes.add(new FieldChangeDTO("outcome", null, outcome));
        try {
            JdbcTransaction.run(dataSource, connection -> {
                recorder.recordChanges(connection, ENTITY_TYPE, module, action, changes);
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("the " + operation + " of module " + module + " was done but could not be audited", e);
        }
    }
}
