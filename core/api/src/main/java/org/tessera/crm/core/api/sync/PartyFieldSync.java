package org.tessera.crm.core.api.sync;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.party.PartyDTO;

/**
 * Field-level modification dates of parties, and the sync that merges another system's copy of a
 * party field by field. Field keys: the scalar fields by name ({@code firstName}, {@code status},
 * {@code classifications}…), {@code externalIds[<system>]}, a contact mechanism as
 * {@code <type>[<PURPOSE>]} ({@code email[WORK]}, {@code phone[MOBILE]}, {@code postal[SHIPPING]},
 * {@code web[]} without a purpose; the second of the same type and purpose {@code email[WORK]#2}),
 * and {@code custom.<key>} for a custom field.
 *
 * <p>Every write of a party (create, update, import, sync) records, in its transaction, the time
 * and {@link WriteSource} of each field whose value it changed; a write that changes no value
 * changes no date, no version, and publishes no event.
 */
@ProviderType
public interface PartyFieldSync {

    /**
     * The modification date and source of each field of the party that has one, by field key,
     * as the caller may see them (the sensitive fields left out without the permission).
     *
     * @throws org.tessera.crm.core.api.NotFoundException when the party does not exist or is outside the caller's scope
     */
    List<FieldMetaDTO> fieldMeta(String partyId);

    /**
     * Merges {@code request} into the stored party: each field it names is written when its value
     * differs and the change is the most recent (the stored field is older), unless the field's
     * reference application decides otherwise (a change from the reference always wins, a change
     * from another system never replaces the reference's value). A field whose time equals the
     * stored one keeps the stored value.
     *
     * @return the party after the merge (unchanged, same version, when no field was taken)
     * @throws org.tessera.crm.core.api.ValidationException naming {@code fieldModifiedAt.<field>} for an
     *         unknown field or a time in the future, or a field of the merged party that is invalid
     * @throws org.tessera.crm.core.api.NotFoundException when the party does not exist or is outside the caller's scope
     */
    PartyDTO sync(String partyId, PartySyncDTO request);
}
