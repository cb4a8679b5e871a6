package org.tessera.crm.core.api.activity;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.RecordExport;
import org.tessera.crm.core.api.StaleVersionException;
import org.tessera.crm.core.api.ValidationException;

/**
 * Reads and writes activities. Writes are validated (participants must exist, codes must be in
 * their picklists, custom fields and registered validators for {@code ACTIVITY}) and post a
 * domain event after commit.
 */
@ProviderType
public interface ActivityService {

    /** @throws ValidationException when a field is invalid */
    ActivityDTO create(ActivityDTO draft);

    Optional<ActivityDTO> find(String id);

    /** @throws NotFoundException when there is no such activity */
    ActivityDTO get(String id);

    /**
     * Replaces the client-writable state of an activity.
     *
     * @param expectedVersion the version the caller read, or {@code null} to skip the check
     * @throws StaleVersionException when the stored version differs
     */
    ActivityDTO update(String id, Long expectedVersion, ActivityDTO desired);

    void delete(String id, Long expectedVersion);

    /** Activities matching the query, newest due date first, then id. */
    Page<ActivityDTO> search(ActivityQuery query);

    /**
     * Every activity the search's criteria match (its limit and cursor are ignored: an export reads
     * in id order), with the caller's perimeter in the query, as {@link #search} applies it.
     */
    RecordExport<ActivityDTO> export(ActivityQuery query);
}
