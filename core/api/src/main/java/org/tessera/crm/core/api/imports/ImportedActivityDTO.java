package org.tessera.crm.core.api.imports;

import java.util.ArrayList;
import java.util.List;

import org.tessera.crm.core.api.activity.ActivityDTO;

/**
 * One line of an activity import: an activity as in {@code POST /v1/activities}, whose parties may
 * also be named by their external ids. A migration rarely knows the CRM's party ids, but it knows
 * the ids its own system gave them (imported with the parties as their {@code externalIds}).
 */
public class ImportedActivityDTO extends ActivityDTO {
    /**
     * Participants named by a party external id, e.g. {@code [{"source": "legacy", "id": "C-123"}]};
     * each is resolved to its party and added to {@link #participants}.
     */
    public List<ExternalIdRef> participantExternalIds = new ArrayList<>();
}
