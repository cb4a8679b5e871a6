package org.tessera.crm.core.api.merge;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Merges parties into a survivor, in one transaction across the core and every installed
 * module's {@link MergeContributor}, and undoes a merge within the configured window. Both obey
 * the caller's record scope: every party named must be visible to the caller.
 */
@ProviderType
public interface MergeService {
    /** The topic of the one event a merge records; properties: {@code id} (the survivor), {@code mergeId}, {@code victims}. */
    String TOPIC_MERGED = "org/tessera/crm/core/party/MERGED";
    /** The topic of the event an undo records, with the same properties. */
    String TOPIC_MERGE_UNDONE = "org/tessera/crm/core/party/MERGE_UNDONE";

    /**
     * @throws org.tessera.crm.core.api.ValidationException  for a bad request (naming the field)
     * @throws org.tessera.crm.core.api.NotFoundException    when a party is unknown or out of scope
     * @throws MergeRefusedException when a module refuses (nothing changed)
     */
    MergeResultDTO merge(String survivorId, MergeRequestDTO request);

    /**
     * Restores the victims and moves back what the merge moved.
     *
     * @throws MergeRefusedException when the window has passed, the merge was undone already, or a
     *                               record changed since in a way that forbids it (nothing changed)
     */
    MergeResultDTO undo(String mergeId);

    Optional<MergeResultDTO> find(String mergeId);

    /** The survivor a merged party now lives on, empty when the party is not merged. */
    Optional<String> survivorOf(String partyId);
}
