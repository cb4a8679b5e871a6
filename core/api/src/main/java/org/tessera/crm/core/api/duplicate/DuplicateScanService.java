package org.tessera.crm.core.api.duplicate;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.Page;

/**
 * Batch duplicate scans of the whole base: the stored matching keys block the candidates (only
 * parties that share a key are compared, never every pair), the rules score them, and connected
 * matches form duplicate sets for review. One scan runs at a time; starting and dismissing are audited.
 */
@ProviderType
public interface DuplicateScanService {
    /** The audit entity type of scans and of dismissed sets. */
    String ENTITY_TYPE = "duplicate-scan";

    /**
     * Queues a scan.
     *
     * @param partyType {@code PERSON}, {@code ORGANIZATION}, or {@code null} for every type
     * @throws org.tessera.crm.core.api.ValidationException on an unknown party type
     * @throws org.tessera.crm.core.api.ConflictException while another scan is queued or running
     */
    DuplicateScanDTO start(String partyType);

    /** The scan, if it exists. */
    Optional<DuplicateScanDTO> find(String scanId);

    /** The scans, newest first. */
    Page<DuplicateScanDTO> list(int limit, String cursor);

    /**
     * The sets of a scan, strongest first; only sets whose parties are all within the caller's
     * perimeter. {@code status} filters, when given.
     *
     * @throws org.tessera.crm.core.api.NotFoundException when the scan does not exist
     */
    Page<DuplicateSetDTO> sets(String scanId, DuplicateSetDTO.Status status, int limit, String cursor);

    /**
     * Dismisses a set: its pairs are not duplicates, and no later scan proposes them again.
     *
     * @throws org.tessera.crm.core.api.NotFoundException when the set does not exist or is outside the caller's perimeter
     */
    DuplicateSetDTO dismiss(String scanId, String setId);
}
