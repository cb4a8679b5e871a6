package org.tessera.crm.core.api.sync;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tessera.crm.core.api.party.PartyDTO;

/**
 * A sync of one party from another system: the party as that system holds it, and for each field
 * that system changed, when it changed there. Only the fields named in {@link #fieldModifiedAt}
 * are considered; every other field stays as stored.
 */
public class PartySyncDTO {
    /** The party as the source system holds it; only the fields named in {@link #fieldModifiedAt} are read. */
    public PartyDTO party;
    /** Per field key ({@link PartyFieldSync}), when the source system changed it. */
    public Map<String, Instant> fieldModifiedAt = new LinkedHashMap<>();
}
