package ${package}.api;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.StaleVersionException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.event.CoreEvents;

/**
 * The ${entityLabel}s of parties. A ${entityLabel} is visible to whoever may see its party;
 * one outside the caller's record scope does not exist for them ({@link NotFoundException}).
 * Every write is audited and announced on the topics below once committed.
 */
@ProviderType
public interface ${entity}Service {
    /** Module name: in links, events, permissions and the module's URL. */
    String MODULE = "${module}";
    /** Entity type of ${entityLabel}s, in the audit trail and for validators. */
    String ENTITY_TYPE = "${entityName.toUpperCase()}";

    /** Event Admin topics, with the properties of {@link CoreEvents} ({@code id}, {@code entityType}, {@code version}, {@code changedFields}). */
    String TOPIC_CREATED = "org/tessera/crm/${module}/${entityName}/CREATED";
    String TOPIC_UPDATED = "org/tessera/crm/${module}/${entityName}/UPDATED";
    String TOPIC_DELETED = "org/tessera/crm/${module}/${entityName}/DELETED";

    /** @throws ValidationException naming each invalid field, and {@code partyId} when the caller may not see the party */
    ${entity}DTO create(${entity}DTO draft);

    /** @throws NotFoundException when there is no such ${entityLabel} in the caller's scope */
    ${entity}DTO get(String id);

    /**
     * Replaces the client-written fields.
     *
     * @param expectedVersion the version the caller read, or {@code null} for any
     * @throws StaleVersionException when the ${entityLabel} changed since
     */
    ${entity}DTO update(String id, Long expectedVersion, ${entity}DTO desired);

    /** @throws StaleVersionException when {@code expectedVersion} is given and the ${entityLabel} changed since */
    void delete(String id, Long expectedVersion);

    /** A page of the ${entityLabel}s the caller may see, in id order. */
    Page<${entity}DTO> list(${entity}Query query);

    /** Link of a ${entityLabel} in core records and timelines: {@code ${module}:${entityName}:<id>}. */
    static String link(String id) {
        return MODULE + ":${entityName}:" + id;
    }
}
