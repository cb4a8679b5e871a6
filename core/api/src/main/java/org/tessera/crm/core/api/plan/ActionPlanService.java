package org.tessera.crm.core.api.plan;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.ValidationException;

/**
 * Action plan templates, and plans launched on records of any module. Launching creates one planned
 * core activity per step, linked to the record and with the party as participant; cancelling a plan
 * cancels the activities still planned. A module cancels the plans of a record it closes or deletes
 * with {@link #cancelForRecord}.
 */
@ProviderType
public interface ActionPlanService {
    List<ActionPlanTemplateDTO> templates();

    /** @throws NotFoundException when there is no such template */
    ActionPlanTemplateDTO template(String code);

    /** Creates or replaces a template; plans already launched keep their activities. */
    ActionPlanTemplateDTO putTemplate(ActionPlanTemplateDTO template);

    /** @throws ValidationException naming the field (templateCode, recordLink, partyId, ownerId) */
    ActionPlanDTO launch(LaunchPlanDTO launch);

    /** @throws NotFoundException when there is no such plan in the caller's scope */
    ActionPlanDTO get(String id);

    /** The plans launched on a record, oldest first. */
    List<ActionPlanDTO> forRecord(String recordLink);

    ActionPlanDTO cancel(String id);

    /** Cancels every running plan of the record; returns how many. */
    int cancelForRecord(String recordLink);
}
