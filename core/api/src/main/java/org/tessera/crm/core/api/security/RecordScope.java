package org.tessera.crm.core.api.security;

import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The current caller's record perimeter. Parties belong to an org unit; an agent sees and changes
 * the parties of their org unit and of every unit below it, and the module records attached to
 * those parties; a caller with {@link CorePermissions#ALL_RECORDS} (and {@link Caller#system()}) sees
 * everything, and a thread with no caller bound sees nothing (see {@link CallerContext}). Modules enforce the rule through this service and answer
 * a record outside the scope as if it did not exist ({@code NotFoundException}, HTTP 404).
 */
@ProviderType
public interface RecordScope {

    /**
     * The org units whose records the caller may see, or empty when the caller is unrestricted.
     * A present but empty set means the caller sees no record at all. Use it to filter queries
     * ({@code org_unit_id IN (...)}).
     */
    Optional<Set<String>> visibleOrgUnitIds();

    /** Whether the caller sees every record. */
    default boolean unrestricted() {
        return visibleOrgUnitIds().isEmpty();
    }

    /** Whether records owned by this org unit ({@code null}: owned by none) are in the caller's scope. */
    boolean canAccessOrgUnit(String orgUnitId);

    /** Whether the party exists and is in the caller's scope. */
    boolean canAccessParty(String partyId);

    /** The org unit a record created by the caller belongs to when the client names none. */
    Optional<String> defaultOrgUnitId();
}
