package org.tessera.crm.core.api.audit;

import java.sql.Connection;
import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes the audit record of a module's mutation on the module's own JDBC connection, so that the
 * record commits or rolls back with the mutation. Modules keep their own persistence unit and
 * cannot share the core's entity manager; this is how their mutations join the audit trail that
 * {@link AuditService} reads.
 *
 * <p>From a module service, inside the transaction of the mutation:
 * <pre>{@code
 * recorder.record(em.unwrap(Connection.class), "OPPORTUNITY", after.id, AuditAction.UPDATE, before, after, Set.of());
 * }</pre>
 */
@ProviderType
public interface AuditRecorder {

    /**
     * Records a mutation of {@code entityId}, signed with the login of the current caller (or
     * {@code system}). The changes are the public fields that differ between {@code before} and
     * {@code after} (two DTOs of the same class; {@code before} is {@code null} for a create,
     * {@code after} for a delete), leaving out {@code id}, {@code version}, {@code createdAt} and
     * {@code updatedAt}; a {@code customFields} map is compared key by key. An update that changed
     * nothing writes nothing.
     *
     * @param connection the connection of the caller's open transaction; neither committed nor closed here
     * @param entityType the module's name for the type, for example {@code OPPORTUNITY} (at most 50 characters)
     * @param sensitive  fields (or {@code customFields.<key>}) whose values are masked; custom fields
     *                   defined as sensitive for {@code entityType} are masked as well
     * @throws IllegalStateException when the record cannot be written; the caller's transaction must then roll back
     */
    void record(Connection connection, String entityType, String entityId, AuditAction action, Object before,
            Object after, Set<String> sensitive);

    /**
     * Records a change whose field changes the caller already knows, because what changed is no
     * DTO (a module's schema purge, say), signed like {@link #record}. An {@code UPDATE} with no
     * changes writes nothing.
     *
     * @param connection the connection of the caller's open transaction; neither committed nor closed here
     * @param changes    the changes in the order to show them; values are stored as given (mask them first)
     * @throws IllegalStateException when the record cannot be written; the caller's transaction must then roll back
     */
    void recordChanges(Connection connection, String entityType, String entityId, AuditAction action,
            List<FieldChangeDTO> changes);
}
