package org.tessera.crm.core.api.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The personal data export of one party: the core's part, a section per module, and what may be missing. */
public class PersonalDataDTO {
    public String partyId;
    public Instant exportedAt;
    /**
     * The core's part: {@code party} (names, contact mechanisms, custom fields…), {@code roles},
     * {@code relationships}, {@code activities} (where the party is a participant), {@code consents},
     * {@code legalHold} and {@code audit} (a summary of the audit trail of the party).
     */
    public Map<String, Object> core = new LinkedHashMap<>();
    /** One section per installed module that has a {@link PersonalDataProvider}. */
    public List<PersonalDataSectionDTO> modules = new ArrayList<>();
    /** Installed modules without a provider, and known modules not installed: they may hold more. */
    public List<KnownModuleDTO> notCovered = new ArrayList<>();
}
