package org.tessera.crm.core.api.privacy;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: what one module holds about a person, exported and erased on request. The
 * core calls every provider present for {@code GET /v1/parties/{id}/personal-data} and
 * {@code POST /v1/parties/{id}/erase}. The module kit's {@code TablePersonalDataProvider} makes one
 * out of a declaration of the module's tables.
 */
@ConsumerType
public interface PersonalDataProvider {

    /** The module's name, as its {@code Tessera-Module} header says (e.g. {@code sales}). */
    String moduleId();

    /**
     * Everything the module holds about the party, read on {@code context}'s connection. The core
     * has checked the caller's permission and perimeter first; the section is not filtered again.
     */
    PersonalDataSectionDTO export(String partyId, PersonalDataContext context);

    /**
     * Anonymizes the module's personal data about the party on {@code context}'s connection, inside
     * the core's transaction (it commits or rolls back with the core's own erasure and every other
     * module's): names, contact details, free texts, custom values flagged sensitive. Records the
     * law requires the module to keep are left as they are and reported in {@link ErasureResultDTO#kept}.
     *
     * @throws RuntimeException to refuse the whole erasure; nothing of it is then committed
     */
    ErasureResultDTO erase(String partyId, ErasureContext context);

    /** What the module keeps after an erasure, and for how long, in words (shown in the export). */
    String retention();
}
